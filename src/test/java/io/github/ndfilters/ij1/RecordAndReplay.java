package io.github.ndfilters.ij1;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.util.Arrays;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * A program for {@link PluginJarIT}, run in its own JVM on a (virtual)
 * display: starts ImageJ 1.x with the Recorder open, fills in the dialog of
 * {@code Convolve (n-D)...} as a person would (kernel text over two lines,
 * normalize ticked, boundary mirror), presses OK, then replays the recorded
 * line as a macro and prints whether both results have the same pixels.
 * <p>
 * Arguments: the image to open. The plugin comes from ImageJ's plugins
 * folder, given by {@code -Dplugins.dir}.
 * </p>
 */
public final class RecordAndReplay
{
	private RecordAndReplay()
	{}

	public static void main( final String[] args )
	{
		int status = 1;
		try
		{
			run( args[ 0 ] );
			status = 0;
		}
		catch ( final Throwable t )
		{
			t.printStackTrace();
		}
		finally
		{
			// NB: ImageJ's windows keep the JVM alive; end it whatever happened.
			System.exit( status );
		}
	}

	private static void run( final String imagePath ) throws Exception
	{
		new ImageJ();
		final ImagePlus input = IJ.openImage( imagePath );
		input.show();
		final Recorder recorder = new Recorder();
		IJ.wait( 1000 );
		IJ.doCommand( "Convolve (n-D)..." );
		final GenericDialog dialog = waitForDialog();
		dialog.getTextArea1().setText( "1 2\n3 4" );
		( ( Checkbox ) dialog.getCheckboxes().get( 0 ) ).setState( true );
		( ( Choice ) dialog.getChoices().get( 1 ) ).select( "mirror" );
		EventQueue.invokeAndWait( () -> dialog.actionPerformed( new ActionEvent( dialog
				.getButtons()[ 0 ], ActionEvent.ACTION_PERFORMED, "OK" ) ) );
		final ImagePlus recorded = waitForNewImage( input );
		final String line = waitForRecordedLine( recorder );
		System.out.println( "RECORDED " + line );
		IJ.selectWindow( input.getID() );
		IJ.runMacro( line );
		final ImagePlus replayed = WindowManager.getCurrentImage();
		System.out.println( "TITLES " + recorded.getTitle() + " | " + replayed.getTitle() );
		System.out.println( "SAME PIXELS " + ( replayed != recorded && Arrays.equals(
				( float[] ) recorded.getProcessor().getPixels(),
				( float[] ) replayed.getProcessor().getPixels() ) ) );
	}

	/**
	 * ImageJ records the line only once the plugin has returned, which may be
	 * after its result is shown, so wait for it.
	 */
	private static String waitForRecordedLine( final Recorder recorder )
	{
		for ( int i = 0; i < 100; i++ )
		{
			for ( final String l : recorder.getText().split( "\n" ) )
				if ( l.startsWith( "run(\"Convolve (n-D)...\"" ) )
					return l;
			IJ.wait( 100 );
		}
		throw new IllegalStateException( "Nothing was recorded for Convolve (n-D)." );
	}

	private static GenericDialog waitForDialog()
	{
		for ( int i = 0; i < 100; i++ )
		{
			for ( final Window w : Window.getWindows() )
				if ( w instanceof GenericDialog && w.isVisible() )
					return ( GenericDialog ) w;
			IJ.wait( 100 );
		}
		throw new IllegalStateException( "The dialog did not open." );
	}

	private static ImagePlus waitForNewImage( final ImagePlus input )
	{
		for ( int i = 0; i < 100; i++ )
		{
			final ImagePlus current = WindowManager.getCurrentImage();
			if ( current != null && current != input )
				return current;
			IJ.wait( 100 );
		}
		throw new IllegalStateException( "The command made no image." );
	}
}
