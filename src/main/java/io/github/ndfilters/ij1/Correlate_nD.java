package io.github.ndfilters.ij1;

import ij.ImagePlus;
import io.github.ndfilters.core.Operation;

/**
 * ImageJ 1.x command {@code Process > Filters > Correlate (n-D)...}: the
 * correlation of an image with a kernel, as a new image. Macro:
 *
 * <pre>
 * run( "Correlate (n-D)...", "image=cells.tif kernel=sobel-x boundary=symmetric" );
 * </pre>
 */
public class Correlate_nD extends NdFilterPlugIn
{
	@Override
	String command()
	{
		return "Correlate (n-D)...";
	}

	@Override
	ImagePlus process( final ImagePlus image, final FilterOptions options,
			final ImageJMonitor monitor )
	{
		return ImagePlusFilter.apply( image, options.filter( Operation.CORRELATE ),
				options.keepType(), monitor );
	}
}
