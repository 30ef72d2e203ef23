package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.imglib2.FinalInterval;
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
 * loops. Slabs run in parallel; a slab of a short kernel goes in thinner parts
 * whose blocks fit the cache ({@link #parts}), down to pieces of one slice
 * for a 2-D kernel on a stack of large slices.
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

	/**
	 * Samples of a block that stays near the core between being read and being
	 * summed (512 KiB of floats, a core's second-level cache on current x86).
	 */
	static final long CACHED_BLOCK_SAMPLES = 1L << 17;

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
		// NB: the parts of every slab are the items of work, so that the threads share them
		// out finely; each thread keeps its buffers and engines from one part to the next.
		final List< Interval > parts = new ArrayList<>();
		for ( final Interval slab : Slabs.cut( target, halo( kernel ), MAX_BLOCK_SAMPLES, 4 ) )
			parts.addAll( parts( slab, kernel ) );
		// NB: a NaN or an infinity matters only where a zero weight would skip it.
		final boolean hasZero = kernel.nonZeroWeights() < kernel.size();
		// NB: a map local to this call, not a ThreadLocal, so that the buffers go with it.
		final Map< Thread, PartBuffers > buffers = new ConcurrentHashMap<>();
		Slabs.run( parts, monitor, part -> buffers.computeIfAbsent( Thread.currentThread(),
				thread -> new PartBuffers() ).correlate( source, boundary, kernel, target, shift,
						part, hasZero, monitor ) );
	}

	/**
	 * The block buffer and the engines one thread reuses from part to part: a
	 * part's block stays in the cache between being read and being summed, and
	 * the next part reads into the same memory.
	 */
	private static final class PartBuffers
	{
		private float[] block;

		/** Per value of {@link PaddedBlock#hasNonFinite}, made when first needed. */
		private final BlockCorrelator[] correlators = new BlockCorrelator[ 2 ];

		boolean correlate( final RandomAccessibleInterval< ? extends RealType< ? > > source,
				final BoundaryConditions boundary, final Kernel kernel,
				final RandomAccessibleInterval< ? extends RealType< ? > > target,
				final long[] shift, final Interval part, final boolean hasZero,
				final FilterMonitor monitor )
		{
			final PaddedBlock read = readBlock( source, boundary, kernel, shift, part, block,
					hasZero );
			block = read.data;
			final int c = read.hasNonFinite ? 1 : 0;
			if ( correlators[ c ] == null )
				correlators[ c ] = BlockCorrelator.of( kernel, read.hasNonFinite );
			return correlators[ c ].correlate( read.data, read.dims, outDims( part ),
					new TargetRows( target, part.minAsLongArray(), monitor ), monitor );
		}
	}

	static int[] halo( final Kernel kernel )
	{
		final int[] halo = kernel.dimensions();
		for ( int d = 0; d < halo.length; d++ )
			halo[ d ]--;
		return halo;
	}

	/**
	 * Correlates one slab on the calling thread, part after part.
	 *
	 * @return {@code false} if canceled before the slab was finished
	 */
	static boolean correlateSlab( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final Interval slab, final FilterMonitor monitor )
	{
		final boolean hasZero = kernel.nonZeroWeights() < kernel.size();
		final PartBuffers buffers = new PartBuffers();
		for ( final Interval part : parts( slab, kernel ) )
			if ( !buffers.correlate( source, boundary, kernel, target, shift, part, hasZero,
					monitor ) )
				return false;
		return true;
	}

	/**
	 * Cuts a slab along its cut axis into parts whose blocks fit
	 * {@link #CACHED_BLOCK_SAMPLES}; into the whole slab if a part would be
	 * thinner than twice its halo, which would read too much input twice (the
	 * block of such a long kernel is too large for the cache anyway). Where one
	 * position along the axis is already too large and the kernel is flat
	 * along it (a 2-D kernel on a stack of large slices), each position is cut
	 * along the next axis down in the same way, as a 2-D image would be: a
	 * 7x7 kernel on a stack of 1024x1024 slices ran a tenth faster.
	 */
	static List< Interval > parts( final Interval slab, final Kernel kernel )
	{
		final List< Interval > parts = new ArrayList<>();
		addParts( slab.minAsLongArray(), slab.maxAsLongArray(), Slabs.cutAxis( slab ), kernel,
				parts );
		return parts;
	}

	private static void addParts( final long[] min, final long[] max, final int axis,
			final Kernel kernel, final List< Interval > parts )
	{
		final int halo = kernel.dimension( axis ) - 1;
		long crossSection = 1;
		for ( int d = 0; d < min.length; d++ )
			if ( d != axis )
				crossSection *= max[ d ] - min[ d ] + kernel.dimension( d );
		final long fits = CACHED_BLOCK_SAMPLES / crossSection - halo;
		final boolean cutBelow = fits < 1 && halo == 0 && axis > 1;
		final long thickness = fits >= Math.max( 1, 2L * halo ) ? fits
				: cutBelow ? 1 : max[ axis ] - min[ axis ] + 1;
		for ( long start = min[ axis ]; start <= max[ axis ]; start += thickness )
		{
			final long[] partMin = min.clone();
			final long[] partMax = max.clone();
			partMin[ axis ] = start;
			partMax[ axis ] = Math.min( max[ axis ], start + thickness - 1 );
			if ( cutBelow )
				addParts( partMin, partMax, axis - 1, kernel, parts );
			else
				parts.add( new FinalInterval( partMin, partMax ) );
		}
	}

	/** Reads the extended input that the outputs of {@code slab} need. */
	static PaddedBlock readBlock( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel, final long[] shift,
			final Interval slab )
	{
		return readBlock( source, boundary, kernel, shift, slab, null, true );
	}

	/**
	 * As above, into {@code buffer} if it is large enough, looking for NaN and
	 * infinities only if asked.
	 */
	static PaddedBlock readBlock( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel, final long[] shift,
			final Interval slab, final float[] buffer, final boolean findNonFinite )
	{
		final int n = slab.numDimensions();
		final long[] blockMin = new long[ n ];
		final int[] blockDims = new int[ n ];
		for ( int d = 0; d < n; d++ )
		{
			blockMin[ d ] = slab.min( d ) + shift[ d ] - kernel.centre( d );
			blockDims[ d ] = ( int ) slab.dimension( d ) + kernel.dimension( d ) - 1;
		}
		return PaddedBlock.read( source, boundary, blockMin, blockDims, buffer, findNonFinite );
	}

	static int[] outDims( final Interval slab )
	{
		final int[] dims = new int[ slab.numDimensions() ];
		for ( int d = 0; d < dims.length; d++ )
			dims[ d ] = ( int ) slab.dimension( d );
		return dims;
	}
}
