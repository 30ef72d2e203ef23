package io.github.ndfilters.ij1;

import java.awt.Choice;
import java.awt.FlowLayout;
import java.awt.Label;
import java.awt.Panel;
import java.awt.TextArea;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Method;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.kernel.KernelPresets;

/**
 * Asks a person at the screen for {@link FilterOptions}, with a
 * {@link GenericDialog} whose labels give the macro keys, so that the
 * recorder writes lines that {@link FilterOptions#fromMacro} reads back.
 * <p>
 * The kernel is typed in a multi-line text area. ImageJ 1.x would record a
 * text area under the key {@code text1}, so this dialog reads the area itself
 * and records it under {@code kernel}.
 * </p>
 * <p>
 * Under the area, a Kernel image list offers the open images. A picked image
 * is recorded as {@code kernel=<title>}, which macros read as before; the list
 * is a plain AWT choice, not one of the dialog's own, because the dialog would
 * record it under its first word, {@code kernel}, a second time.
 * </p>
 */
final class FilterDialog
{
	/** The settings of the last accepted dialog, offered the next time. */
	private static FilterOptions last = new FilterOptions( null, "1 2 1\n2 4 2\n1 2 1",
			null, Boundary.SYMMETRIC, 0, OutputSize.SAME, false, false, "", Method.AUTO );

	private FilterDialog()
	{}

	/**
	 * @return the options, or {@code null} if the user canceled
	 * @throws IllegalArgumentException
	 *             if no image is open
	 */
	static FilterOptions ask( final String command )
	{
		final String[] titles = WindowManager.getImageTitles();
		final ImagePlus current = WindowManager.getCurrentImage();
		if ( titles.length == 0 || current == null )
			throw new IllegalArgumentException( "There is no image to filter. Open an image"
					+ " first (File > Open...), then run " + command + " again." );
		final FilterOptions d = last;
		final GenericDialog gd = new GenericDialog( command );
		gd.addChoice( "Image", titles, current.getTitle() );
		gd.addMessage( "Kernel: numbers, one line per row (a blank line between z planes),\n"
				+ wrap( "a preset (" + KernelPresets.summary() + ")," ) + "\n"
				+ "or the title of an open image:" );
		gd.addTextAreas( d.kernel, null, 7, 40 );
		final Choice kernelImage = kernelImageList( d.kernelImage );
		gd.addPanel( labelled( "Kernel image:", kernelImage ) );
		gd.addChoice( "Boundary", tokens( Boundary.values() ), d.boundary.token() );
		gd.addNumericField( "Value (for constant boundary)", d.value, 3 );
		gd.addChoice( "Output size", FilterOptions.OUTPUT_SIZES, d.output.token() );
		gd.addChoice( "Type of result", FilterOptions.TYPES,
				FilterOptions.TYPES[ d.keepType ? 1 : 0 ] );
		gd.addCheckbox( "Normalize kernel (divide by its sum)", d.normalize );
		gd.addStringField( "Center (x,y[,z,t]; empty = middle)", d.center, 12 );
		gd.addChoice( "Method", tokens( Method.values() ), d.method.token() );
		gd.addHelp( "Correlate: out[i] = sum w[k] in[i + k - c]. Convolve: out[i] = sum w[k]"
				+ " in[i - k + c]. The center c, by default size/2 per axis, lies over the output"
				+ " pixel. Channels are filtered one by one; a 2-D kernel filters each slice." );
		gd.showDialog();
		if ( gd.wasCanceled() )
			return null;
		final String image = gd.getNextChoice();
		final TextArea area = gd.getTextArea1();
		final String kernel = area == null ? d.kernel : area.getText();
		final String picked = kernelImage.getSelectedItem();
		final boolean picksAnImage = KernelResolver.picksAnImage( picked );
		if ( Recorder.record )
			Recorder.recordOption( "kernel", Recorder.fixString( picksAnImage ? picked
					: kernel ) );
		final Boundary boundary = Boundary.fromToken( gd.getNextChoice() );
		final double value = gd.getNextNumber();
		if ( Double.isNaN( value ) )
			throw new IllegalArgumentException( "The value for the constant boundary is not a"
					+ " number; type a number such as 0." );
		final OutputSize output = OutputSize.fromToken( gd.getNextChoice() );
		final boolean keepType = FilterOptions.keepType( gd.getNextChoice() );
		final boolean normalize = gd.getNextBoolean();
		final String center = gd.getNextString();
		final Method method = Method.fromToken( gd.getNextChoice() );
		last = new FilterOptions( image, kernel, picksAnImage ? picked : null, boundary, value,
				output, keepType, normalize, center, method );
		return last;
	}

	/** @return the kernel image list, at the last picked image if it is still open */
	private static Choice kernelImageList( final String lastPicked )
	{
		final Choice list = new Choice();
		for ( final String item : KernelResolver.kernelImageChoices() )
			list.add( item );
		if ( lastPicked != null && OpenImages.withTitle( lastPicked ) != null )
			list.select( lastPicked );
		return list;
	}

	private static Panel labelled( final String label, final Choice choice )
	{
		final Panel panel = new Panel( new FlowLayout( FlowLayout.LEFT, 0, 0 ) );
		panel.add( new Label( label ) );
		panel.add( choice );
		return panel;
	}

	/** Breaks a long line after commas, so that the dialog stays narrow. */
	private static String wrap( final String text )
	{
		final StringBuilder sb = new StringBuilder();
		int lineStart = 0;
		for ( final String word : text.split( "(?<=,) " ) )
		{
			if ( sb.length() - lineStart + word.length() > 66 )
			{
				sb.append( "\n  " );
				lineStart = sb.length() - 2;
			}
			else if ( sb.length() > 0 )
				sb.append( ' ' );
			sb.append( word );
		}
		return sb.toString();
	}

	private static String[] tokens( final Boundary[] modes )
	{
		final String[] t = new String[ modes.length ];
		for ( int i = 0; i < t.length; i++ )
			t[ i ] = modes[ i ].token();
		return t;
	}

	private static String[] tokens( final Method[] methods )
	{
		final String[] t = new String[ methods.length ];
		for ( int i = 0; i < t.length; i++ )
			t[ i ] = methods[ i ].token();
		return t;
	}
}
