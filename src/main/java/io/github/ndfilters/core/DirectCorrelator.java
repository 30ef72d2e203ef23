package io.github.ndfilters.core;

import java.util.List;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Correlation by direct summation, for any number of dimensions, any kernel
 * and any mix of boundary modes.
 * <p>
 * The output is cut into {@link Slabs}. Each slab reads the input region it
 * needs, extended by the boundary conditions, into a {@link PaddedBlock}, and
 * a {@link BlockCorrelator} sums the kernel taps over it with vectorised
 * loops. Slabs run in parallel.
 * </p>
 * <p>
 * A tap with weight 0 is skipped unless the block holds a NaN or an infinity:
 * then every tap counts, so a NaN spoils exactly the outputs whose kernel
 * window covers it.
 * </p>
 */
final class DirectCorrelator
{
	/** Upper bound on samples per slab buffer (16 MiB of floats). */
	static final long MAX_BLOCK_SAMPLES = 1L << 22;

	private DirectCorrelator()
	{}

	/**
	 * @param kernel
	 *            in correlation form, with as many axes as the source
	 * @param target
	 *            receives the result at every position of its interval
	 * @param shift
	 *            the output position of target position {@code p} is
	 *            {@code p + shift}
	 */
	static void correlate( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final FilterMonitor monitor )
	{
		final List< Interval > slabs = Slabs.cut( target, halo( kernel ), MAX_BLOCK_SAMPLES, 4 );
		Slabs.run( slabs, monitor,
				slab -> correlateSlab( source, boundary, kernel, target, shift, slab, monitor ) );
	}

	static int[] halo( final Kernel kernel )
	{
		final int[] halo = kernel.dimensions();
		for ( int d = 0; d < halo.length; d++ )
			halo[ d ]--;
		return halo;
	}

	/** @return {@code false} if canceled before the slab was finished */
	static boolean correlateSlab( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final Interval slab, final FilterMonitor monitor )
	{
		final PaddedBlock block = readBlock( source, boundary, kernel, shift, slab );
		return BlockCorrelator.of( kernel, block.hasNonFinite ).correlate( block.data, block.dims,
				outDims( slab ), new TargetRows( target, slab.minAsLongArray() ), monitor );
	}

	/** Reads the extended input that the outputs of {@code slab} need. */
	static PaddedBlock readBlock( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel, final long[] shift,
			final Interval slab )
	{
		final int n = slab.numDimensions();
		final long[] blockMin = new long[ n ];
		final int[] blockDims = new int[ n ];
		for ( int d = 0; d < n; d++ )
		{
			blockMin[ d ] = slab.min( d ) + shift[ d ] - kernel.centre( d );
			blockDims[ d ] = ( int ) slab.dimension( d ) + kernel.dimension( d ) - 1;
		}
		return PaddedBlock.read( source, boundary, blockMin, blockDims );
	}

	static int[] outDims( final Interval slab )
	{
		final int[] dims = new int[ slab.numDimensions() ];
		for ( int d = 0; d < dims.length; d++ )
			dims[ d ] = ( int ) slab.dimension( d );
		return dims;
	}
}
