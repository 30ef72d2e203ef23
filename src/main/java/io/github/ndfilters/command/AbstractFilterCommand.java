package io.github.ndfilters.command;

import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.widget.TextWidget;

import ij.ImagePlus;
import io.github.ndfilters.core.Operation;
import io.github.ndfilters.ij1.FilterOptions;
import io.github.ndfilters.ij1.ImagePlusFilter;

/**
 * The form and the work of the Correlate and Convolve commands, which differ
 * only in their {@link Operation}.
 * <p>
 * The parameter names are the macro keys, the same in Fiji and ImageJ 1.x:
 * </p>
 *
 * <pre>
 * run("Convolve (n-D)...", "image=cells.tif kernel=[gaussian 2] boundary=mirror");
 * </pre>
 *
 * Options do not persist from one run to the next, so a key left out of a
 * macro always means its documented default.
 */
public abstract class AbstractFilterCommand extends AbstractNdCommand
{
	@Parameter( label = "Image", description = "The image to filter. It is never changed;"
			+ " the result is a new image." )
	private ImagePlus image;

	@Parameter( label = "Kernel", style = TextWidget.AREA_STYLE, columns = 30, persist = false,
			description = "Kernel text: numbers separated by spaces, tabs or commas, one line"
					+ " per row, a blank line between z planes. Or a preset such as sobel-x,"
					+ " laplacian, box 3, gaussian 2 or motion 9 45. Or the exact title of an"
					+ " open image to use as the kernel." )
	private String kernel;

	@Parameter( label = "Boundary", persist = false, choices = { "zero", "constant",
			"replicate", "symmetric", "mirror", "periodic" },
			description = "What lies beyond the image edge: zero; a constant value; the edge"
					+ " pixel repeated; the image reflected with (symmetric) or without"
					+ " (mirror) the edge pixel; or the image repeated (periodic)." )
	private String boundary = "symmetric";

	// NB: text, not a double: SciJava turns a word given for a double into 0
	// without a word, which would be a silently wrong constant.
	@Parameter( label = "Constant value", persist = false,
			description = "The value beyond the edge when the boundary is 'constant'." )
	private String value = "0";

	@Parameter( label = "Output size", persist = false, choices = { "same", "full", "valid" },
			description = "same: the input's size; full: every position where the kernel"
					+ " overlaps the image; valid: only where it lies entirely inside." )
	private String output = "same";

	@Parameter( label = "Output type", persist = false, choices = { "32-bit", "input" },
			description = "32-bit float, or the input's type (rounded half away from zero"
					+ " and clipped to the type's range)." )
	private String type = "32-bit";

	@Parameter( label = "Normalize kernel", persist = false,
			description = "Divide the kernel by the sum of its weights (not done when the sum"
					+ " is zero; the log says so)." )
	private boolean normalize = false;

	@Parameter( label = "Kernel center", required = false, persist = false,
			description = "The kernel element that lies over each output pixel, as x,y[,z,t]"
					+ " counted from 0. Empty: the middle, size/2 on each axis." )
	private String center = "";

	@Parameter( label = "Method", persist = false,
			choices = { "auto", "direct", "separable", "fft" },
			description = "How to compute; every method gives the same numbers. auto picks"
					+ " the fastest; direct sums over the kernel at every pixel; separable"
					+ " runs 1-D passes (outer-product kernels); fft multiplies spectra." )
	private String method = "auto";

	@Parameter( label = "Result", type = ItemIO.OUTPUT )
	private ImagePlus result;

	/** @return correlate or convolve */
	protected abstract Operation operation();

	@Override
	public void run()
	{
		execute( monitor -> {
			final FilterOptions options = FilterOptions.fromForm( null, kernel, null, boundary,
					value, output, type, normalize, center, method );
			result = ImagePlusFilter.apply( require( image ), options.filter( operation() ),
					options.keepType(), monitor );
		} );
	}

	/** @return the new image, or {@code null} if the command failed or was canceled */
	public ImagePlus result()
	{
		return result;
	}
}
