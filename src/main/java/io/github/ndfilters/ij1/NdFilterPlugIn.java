package io.github.ndfilters.ij1;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

/**
 * What the three ImageJ 1.x commands share: reading the options (from the
 * macro, or from a dialog), finding the image, running with progress and Esc
 * to cancel, showing the result so that it becomes the current image, and
 * reporting errors.
 * <p>
 * An error never opens a modal dialog while a macro runs: ImageJ's own error
 * dialog would stop a batch run on a virtual display for good. The message
 * goes to the log instead and the command ends without a result. A person at
 * the screen gets a dialog saying what is wrong and how to fix it.
 * </p>
 */
abstract class NdFilterPlugIn implements PlugIn
{
	/** @return the menu label, such as {@code Convolve (n-D)...} */
	abstract String command();

	/**
	 * Does the work.
	 *
	 * @return the result to show, not yet shown
	 */
	abstract ImagePlus process( ImagePlus image, FilterOptions options, ImageJMonitor monitor );

	@Override
	public void run( final String arg )
	{
		final ImagePlus result = execute();
		if ( result != null )
			result.show();
	}

	/**
	 * Reads the options and computes the result.
	 *
	 * @return the result, or {@code null} after an error or cancel (reported)
	 */
	ImagePlus execute()
	{
		final String macroOptions = Macro.getOptions();
		try
		{
			final FilterOptions options = macroOptions != null
					? FilterOptions.fromMacro( macroOptions ) : FilterDialog.ask( command() );
			if ( options == null )
				return null;
			final ImagePlus image = image( options.image() );
			final ImageJMonitor monitor = new ImageJMonitor( name() + " " + image.getTitle() );
			try
			{
				return process( image, options, monitor );
			}
			finally
			{
				monitor.done();
			}
		}
		catch ( final CancellationException e )
		{
			IJ.showStatus( name() + " canceled; no result was made." );
			if ( macroOptions != null || IJ.isMacro() )
				IJ.log( name() + " canceled; no result was made." );
			return null;
		}
		catch ( final IllegalArgumentException | OutOfMemoryError e )
		{
			final String message = e instanceof OutOfMemoryError
					? "Not enough memory for the result. Give ImageJ more memory"
							+ " (Edit > Options > Memory & Threads) or crop the image."
					: e.getMessage();
			report( macroOptions != null, message );
			return null;
		}
	}

	/** The label without the trailing dots, for messages. */
	private String name()
	{
		return command().replace( "...", "" );
	}

	private void report( final boolean fromMacro, final String message )
	{
		if ( fromMacro || IJ.isMacro() || GraphicsEnvironment.isHeadless() )
			IJ.log( name() + " error: " + message );
		else
			IJ.error( name(), message );
	}

	/** @return the open image with this title, or the active image for {@code null} */
	private static ImagePlus image( final String title )
	{
		if ( title == null )
		{
			final ImagePlus current = WindowManager.getCurrentImage();
			if ( current == null )
				throw new IllegalArgumentException( "There is no image to filter. Open an image"
						+ " first, or name one with image=<title>." );
			return current;
		}
		final ImagePlus image = OpenImages.withTitle( title );
		if ( image != null )
			return image;
		throw new IllegalArgumentException( "No open image is called '" + title + "'. Open it"
				+ " first, or give the exact title of an open image (titles are case-sensitive)." );
	}
}
