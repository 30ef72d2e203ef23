package io.github.ndfilters.command;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.TextWidget;

import ij.ImagePlus;
import io.github.ndfilters.core.Operation;
import io.github.ndfilters.core.OutputType;
import io.github.ndfilters.ij1.Comparison;
import io.github.ndfilters.ij1.FilterOptions;
import io.github.ndfilters.ij1.ResidualComparison;

/**
 * Process &gt; Filters &gt; Compare Correlation and Convolution...: shows where
 * and by how much the two operations differ for a kernel, as the residual
 * (correlation minus convolution, 32-bit) and four figures, which are also
 * written to the log.
 * <p>
 * The residual is exactly zero for a point-symmetric kernel such as a
 * Gaussian; for Sobel it is twice the response; for a 2x2 box it is the
 * difference of two results one pixel apart. Options and macro keys are
 * those of Correlate and Convolve, without the output type.
 * </p>
 *
 * <pre>
 * run("Compare Correlation and Convolution...", "image=cells.tif kernel=sobel-x");
 * </pre>
 */
@Plugin( type = Command.class, headless = true, menuPath = CompareCommand.MENU_PATH )
public class CompareCommand extends AbstractNdCommand
{
	public static final String MENU_PATH =
			"Process>Filters>Compare Correlation and Convolution...";

	@Parameter( label = "Image", description = "The image to filter. It is never changed." )
	private ImagePlus image;

	@Parameter( label = "Kernel", style = TextWidget.AREA_STYLE, columns = 30, persist = false,
			description = "Kernel text: numbers separated by spaces, tabs or commas, one line"
					+ " per row, a blank line between z planes. Or a preset such as sobel-x,"
					+ " laplacian, box 3, gaussian 2 or motion 9 45. Or the exact title of an"
					+ " open image to use as the kernel." )
	private String kernel;

	@Parameter( label = "Boundary", persist = false, choices = { "zero", "constant",
			"replicate", "symmetric", "mirror", "periodic" },
			description = "What lies beyond the image edge, for both operations." )
	private String boundary = "symmetric";

	// NB: text, not a double: SciJava turns a word given for a double into 0
	// without a word, which would be a silently wrong constant.
	@Parameter( label = "Constant value", persist = false,
			description = "The value beyond the edge when the boundary is 'constant'." )
	private String value = "0";

	@Parameter( label = "Output size", persist = false, choices = { "same", "full", "valid" },
			description = "same: the input's size; full or valid: the positions of the"
					+ " correlation's full or valid output." )
	private String output = "same";

	@Parameter( label = "Normalize kernel", persist = false,
			description = "Divide the kernel by the sum of its weights first." )
	private boolean normalize = false;

	@Parameter( label = "Kernel center", required = false, persist = false,
			description = "The kernel element that lies over each output pixel, as x,y[,z,t]"
					+ " counted from 0. Empty: the middle, size/2 on each axis." )
	private String center = "";

	@Parameter( label = "Method", persist = false,
			choices = { "auto", "direct", "separable", "fft" },
			description = "How to compute both operations." )
	private String method = "auto";

	@Parameter( label = "Residual", type = ItemIO.OUTPUT )
	private ImagePlus residual;

	@Parameter( label = "Max |difference|", type = ItemIO.OUTPUT )
	private double maxAbsoluteDifference;

	@Parameter( label = "Mean |difference|", type = ItemIO.OUTPUT )
	private double meanAbsoluteDifference;

	@Parameter( label = "RMS difference", type = ItemIO.OUTPUT )
	private double rms;

	@Parameter( label = "Differing pixels", type = ItemIO.OUTPUT )
	private long differingPixels;

	@Override
	public void run()
	{
		// NB: the residual is always 32-bit, so the type is fixed.
		execute( monitor -> report( ResidualComparison.compare( require( image ),
				FilterOptions.fromForm( null, kernel, null, boundary, value, output,
						OutputType.FLOAT32.token(), normalize, center, method )
						.filter( Operation.CORRELATE ),
				monitor ) ) );
	}

	private void report( final Comparison c )
	{
		residual = c.residual();
		maxAbsoluteDifference = c.maxAbsoluteDifference();
		meanAbsoluteDifference = c.meanAbsoluteDifference();
		rms = c.rms();
		differingPixels = c.differingPixels();
		if ( log() == null )
			return;
		log().info( label() + " of " + image.getTitle() + ": max |difference| "
				+ maxAbsoluteDifference + ", mean |difference| " + meanAbsoluteDifference
				+ ", RMS " + rms + ", " + differingPixels + " of " + c.pixels()
				+ " pixels differ." );
		if ( c.isIdentical() )
			log().info( label() + ": the residual is exactly zero; correlation and convolution"
					+ " agree for this kernel." );
	}

	@Override
	protected String label()
	{
		return "Compare Correlation and Convolution";
	}

	/** @return correlation minus convolution, or {@code null} if the command failed */
	public ImagePlus residual()
	{
		return residual;
	}
}
