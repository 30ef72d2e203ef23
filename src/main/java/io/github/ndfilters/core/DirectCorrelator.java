package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.List;

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
		Slabs.run( parts( target, kernel, 4 ), monitor, () -> new PartSummer( source, boundary,
				kernel, target, shift, monitor, false )::correlate );
	}

	/**
	 * Reads and sums parts of one call's output, one part after another on
	 * one thread. It keeps the block buffer and the engines from part to
	 * part: a part's block stays in the cache between being read and being
	 * summed, and the next part reads into the same memory.
	 */
	static final class PartSummer
	{
		private final RandomAccessibleInterval< ? extends RealType< ? > > source;

		private final BoundaryConditions boundary;

		private final Kernel kernel;

		private final RandomAccessibleInterval< ? extends RealType< ? > > target;

		private final long[] shift;

		private final FilterMonitor monitor;

		private final boolean findNonFinite;

		private float[] buffer;

		/** Per value of {@link PaddedBlock#hasNonFinite}, made when first needed. */
		private final BlockCorrelator[] correlators = new BlockCorrelator[ 2 ];

		/**
		 * @param alwaysFindNonFinite
		 *            whether every block is searched for NaN and infinities;
		 *            otherwise only where the kernel has a zero weight, the
		 *            one place they change the direct sum
		 */
		PartSummer( final RandomAccessibleInterval< ? extends RealType< ? > > source,
				final BoundaryConditions boundary, final Kernel kernel,
				final RandomAccessibleInterval< ? extends RealType< ? > > target,
				final long[] shift, final FilterMonitor monitor,
				final boolean alwaysFindNonFinite )
		{
			this.source = source;
			this.boundary = boundary;
			this.kernel = kernel;
			this.target = target;
			this.shift = shift;
			this.monitor = monitor;
			findNonFinite = alwaysFindNonFinite || kernel.nonZeroWeights() < kernel.size();
		}

		/** @return {@code false} if canceled before the part was finished */
		boolean correlate( final Interval part )
		{
			return sum( read( part ), part );
		}

		/** Reads the extended input of {@code part} into this thread's buffer. */
		PaddedBlock read( final Interval part )
		{
			final PaddedBlock block = readBlock( source, boundary, kernel, shift, part, buffer,
					findNonFinite );
			buffer = block.data;
			return block;
		}

		/**
		 * Sums the kernel over a block {@link #read} for {@code part} into the
		 * target.
		 *
		 * @return {@code false} if canceled before the part was finished
		 */
		boolean sum( final PaddedBlock block, final Interval part )
		{
			final int c = block.hasNonFinite ? 1 : 0;
			if ( correlators[ c ] == null )
				correlators[ c ] = BlockCorrelator.of( kernel, block.hasNonFinite );
			return correlators[ c ].correlate( block.data, block.dims, outDims( part ),
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
		final PartSummer summer = new PartSummer( source, boundary, kernel, target, shift,
				monitor, false );
		for ( final Interval part : parts( slab, kernel ) )
			if ( !summer.correlate( part ) )
				return false;
		return true;
	}

	/**
	 * The parts of all slabs of {@code target}, the items of work of the
	 * direct and separable paths: they are finer than the slabs, so that the
	 * threads share them out evenly.
	 *
	 * @param slabsPerThread
	 *            see {@link Slabs#cut}
	 */
	static List< Interval > parts( final Interval target, final Kernel kernel,
			final int slabsPerThread )
	{
		final List< Interval > parts = new ArrayList<>();
		for ( final Interval slab : Slabs.cut( target, halo( kernel ), MAX_BLOCK_SAMPLES,
				slabsPerThread ) )
			parts.addAll( parts( slab, kernel ) );
		return parts;
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
