package io.github.ndfilters.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.ndfilters.core.Operation;

/**
 * ImageJ 1.x command
 * {@code Process > Filters > Compare Correlation and Convolution...}: the
 * residual, correlation minus convolution, as a 32-bit image shown with a
 * lookup table centred on zero, and its maximum and mean absolute value, RMS
 * and count of differing pixels in the Results table and the log. The
 * {@code type} option is ignored: the residual is always 32-bit. Macro:
 *
 * <pre>
 * run( "Compare Correlation and Convolution...", "image=coins.tif kernel=sobel-x" );
 * max = getResult( "Max abs difference", nResults - 1 );
 * </pre>
 */
public class Compare_nD extends NdFilterPlugIn
{
	@Override
	String command()
	{
		return "Compare Correlation and Convolution...";
	}

	@Override
	ImagePlus process( final ImagePlus image, final FilterOptions options,
			final ImageJMonitor monitor )
	{
		final Comparison c = ResidualComparison.compare( image,
				options.filter( Operation.CORRELATE ), monitor );
		report( image, options.kernel(), c );
		return c.residual();
	}

	private static void report( final ImagePlus image, final String kernel, final Comparison c )
	{
		final ResultsTable table = ResultsTable.getResultsTable();
		table.incrementCounter();
		table.addLabel( image.getTitle() );
		table.addValue( "Kernel", oneLine( kernel ) );
		table.addValue( "Max abs difference", c.maxAbsoluteDifference() );
		table.addValue( "Mean abs difference", c.meanAbsoluteDifference() );
		table.addValue( "RMS", c.rms() );
		table.addValue( "Differing pixels", c.differingPixels() );
		table.addValue( "Pixels", c.pixels() );
		if ( !GraphicsEnvironment.isHeadless() )
			table.show( "Results" );
		IJ.log( "Correlation minus convolution of " + image.getTitle() + ", kernel "
				+ oneLine( kernel ) + ": max |difference| "
				+ number( c.maxAbsoluteDifference() ) + ", mean |difference| "
				+ number( c.meanAbsoluteDifference() ) + ", RMS "
				+ number( c.rms() ) + ", differing pixels " + c.differingPixels()
				+ " of " + c.pixels() + ( c.isIdentical() ? " (identical)" : "" ) );
	}

	/** The kernel field with rows separated by " / ", shortened for a table cell. */
	private static String oneLine( final String kernel )
	{
		final String line = kernel.trim().replaceAll( "\\s*(\\r\\n|\\r|\\n)\\s*", " / " )
				.replaceAll( "[ \\t]+", " " );
		return line.length() <= 60 ? line : line.substring( 0, 57 ) + "...";
	}

	private static String number( final double v )
	{
		return v == 0 ? "0" : IJ.d2s( v, 6, 9 );
	}
}
