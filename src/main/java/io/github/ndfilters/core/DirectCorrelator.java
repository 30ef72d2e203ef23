package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Correlation by direct summation, for any number of dimensions, any kernel
 * and any mix of boundary modes.
 * <p>
 * The output is cut into slabs along its last non-trivial axis. Each slab
 * reads the input region it needs, extended by the boundary conditions, into a
 * {@link PaddedBlock}, then sums the kernel taps over whole lines of x, so the
 * innermost loop runs over contiguous memory. Slabs run in parallel on the
 * {@link Parallelization} executor of the calling thread.
 * </p>
 * <p>
 * Sums are accumulated in {@code double}. A tap with weight 0 is skipped
 * unless the block holds a NaN or an infinity: then every tap counts, so a NaN
 * spoils exactly the outputs whose kernel window covers it.
 * </p>
 */
final class DirectCorrelator
{
	/** Upper bound on samples per slab buffer (32 MiB of doubles). */
	private static final long MAX_BLOCK_SAMPLES = 1L << 22;

	private DirectCorrelator()
	{}

	/**
	 * @param kernel
	 *            in correlation form, with as many axes as the source
	 * @param target
	 *            receives the result at every position of its interval
	 */
	static void correlate( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final FilterMonitor monitor )
	{
		final List< Interval > slabs = slabs( target, kernel );
		final AtomicBoolean canceled = new AtomicBoolean();
		final AtomicInteger done = new AtomicInteger();
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		executor.forEach( slabs, slab -> {
			if ( canceled.get() || monitor.isCanceled() )
			{
				canceled.set( true );
				return;
			}
			if ( !correlateSlab( source, boundary, kernel, target, slab, monitor ) )
			{
				canceled.set( true );
				return;
			}
			// NB: counting and reporting under one lock keeps the fractions rising.
			synchronized ( done )
			{
				monitor.progress( done.incrementAndGet() / ( double ) slabs.size() );
			}
		} );
		if ( canceled.get() )
			throw new CancellationException( "The filter was canceled." );
	}

	/** @return {@code false} if canceled before the slab was finished */
	private static boolean correlateSlab(
			final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final Interval slab, final FilterMonitor monitor )
	{
		final int n = slab.numDimensions();
		final long[] blockMin = new long[ n ];
		final int[] blockDims = new int[ n ];
		for ( int d = 0; d < n; d++ )
		{
			blockMin[ d ] = slab.min( d ) - kernel.centre( d );
			blockDims[ d ] = ( int ) slab.dimension( d ) + kernel.dimension( d ) - 1;
		}
		final PaddedBlock block = PaddedBlock.read( source, boundary, blockMin, blockDims );
		final Taps taps = Taps.of( kernel, block.strides, block.hasNonFinite );

		final int lineLength = ( int ) slab.dimension( 0 );
		final double[] line = new double[ lineLength ];
		final double[] data = block.data;
		final RandomAccess< ? extends RealType< ? > > out = target.randomAccess( slab );
		final SampleWriter writer = new SampleWriter( target.getType() );
		final long[] position = slab.minAsLongArray();
		final int[] linePos = new int[ n ];
		final long lines = Intervals.numElements( slab ) / lineLength;
		for ( long l = 0; l < lines; l++ )
		{
			if ( monitor.isCanceled() )
				return false;
			int base = 0;
			for ( int d = 1; d < n; d++ )
				base += linePos[ d ] * block.strides[ d ];
			Arrays.fill( line, 0 );
			for ( int t = 0; t < taps.count; t++ )
			{
				final double w = taps.weights[ t ];
				final int from = base + taps.offsets[ t ];
				for ( int x = 0; x < lineLength; x++ )
					line[ x ] += w * data[ from + x ];
			}
			for ( int d = 1; d < n; d++ )
				position[ d ] = slab.min( d ) + linePos[ d ];
			out.setPosition( position );
			for ( int x = 0; x < lineLength; x++ )
			{
				writer.write( out.get(), line[ x ] );
				out.fwd( 0 );
			}
			for ( int d = 1; d < n; d++ )
			{
				if ( ++linePos[ d ] < slab.dimension( d ) )
					break;
				linePos[ d ] = 0;
			}
		}
		return true;
	}

	/**
	 * Cuts the target into slabs along its last axis longer than 1, small
	 * enough to bound the buffer and numerous enough to keep every thread busy.
	 */
	private static List< Interval > slabs( final Interval target, final Kernel kernel )
	{
		final int n = target.numDimensions();
		int axis = 0;
		for ( int d = n - 1; d > 0; d-- )
			if ( target.dimension( d ) > 1 )
			{
				axis = d;
				break;
			}
		long crossSection = 1;
		for ( int d = 0; d < n; d++ )
			if ( d != axis )
				crossSection *= target.dimension( d ) + kernel.dimension( d ) - 1;
		final long length = target.dimension( axis );
		final int parallelism = Parallelization.getTaskExecutor().getParallelism();
		final long forThreads = ( length + 4L * parallelism - 1 ) / ( 4L * parallelism );
		final long forMemory = MAX_BLOCK_SAMPLES / crossSection - kernel.dimension( axis ) + 1;
		final long step = Math.max( 1, Math.min( forThreads, forMemory ) );

		final List< Interval > slabs = new ArrayList<>();
		final long[] min = target.minAsLongArray();
		final long[] max = target.maxAsLongArray();
		for ( long start = target.min( axis ); start <= target.max( axis ); start += step )
		{
			min[ axis ] = start;
			max[ axis ] = Math.min( target.max( axis ), start + step - 1 );
			slabs.add( Intervals.createMinMax( concat( min, max ) ) );
		}
		return slabs;
	}

	private static long[] concat( final long[] a, final long[] b )
	{
		final long[] c = new long[ a.length + b.length ];
		System.arraycopy( a, 0, c, 0, a.length );
		System.arraycopy( b, 0, c, a.length, b.length );
		return c;
	}
}
