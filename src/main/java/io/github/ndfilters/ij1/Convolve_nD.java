package io.github.ndfilters.ij1;

import ij.ImagePlus;
import io.github.ndfilters.core.Operation;

/**
 * ImageJ 1.x command {@code Process > Filters > Convolve (n-D)...}: the
 * convolution of an image with a kernel, as a new image. Unlike ImageJ's
 * built-in {@code Convolve...} it flips the kernel, accepts even sizes and
 * works in up to four dimensions. Macro:
 *
 * <pre>
 * run( "Convolve (n-D)...", "image=cells.tif kernel=psf.tif boundary=symmetric" );
 * </pre>
 */
public class Convolve_nD extends NdFilterPlugIn
{
	@Override
	String command()
	{
		return "Convolve (n-D)...";
	}

	@Override
	ImagePlus process( final ImagePlus image, final FilterOptions options,
			final ImageJMonitor monitor )
	{
		return ImagePlusFilter.apply( image, options.filter( Operation.CONVOLVE ),
				options.keepType(), monitor );
	}
}
