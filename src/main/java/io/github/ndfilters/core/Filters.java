package io.github.ndfilters.core;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One-line entry points for scripts. For anything beyond these, build a
 * {@link LinearFilter}.
 *
 * <pre>
 * result = Filters.convolve( image, kernelImage, Boundary.MIRROR )
 * </pre>
 */
public final class Filters
{
	private Filters()
	{}

	public static RandomAccessibleInterval< FloatType > correlate(
			final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel,
			final Boundary boundary )
	{
		return LinearFilter.correlate( kernel ).boundary( boundary ).apply( image );
	}

	public static RandomAccessibleInterval< FloatType > convolve(
			final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel,
			final Boundary boundary )
	{
		return LinearFilter.convolve( kernel ).boundary( boundary ).apply( image );
	}

	public static RandomAccessibleInterval< FloatType > correlate(
			final RandomAccessibleInterval< ? extends RealType< ? > > image,
			final RandomAccessibleInterval< ? extends RealType< ? > > kernel,
			final Boundary boundary )
	{
		return correlate( image, Kernel.of( kernel ), boundary );
	}

	public static RandomAccessibleInterval< FloatType > convolve(
			final RandomAccessibleInterval< ? extends RealType< ? > > image,
			final RandomAccessibleInterval< ? extends RealType< ? > > kernel,
			final Boundary boundary )
	{
		return convolve( image, Kernel.of( kernel ), boundary );
	}
}
