package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import net.imglib2.Interval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.util.Intervals;

/**
 * Cuts an output interval into slabs along its last axis longer than 1 and
 * runs a task on each, in parallel on the {@link Parallelization} executor of
 * the calling thread, with progress and cancellation through a
 * {@link FilterMonitor}. Slabs are small enough to bound each thread's buffer
 * and numerous enough to keep every thread busy.
 */
final class Slabs
{
	/** Work on one slab, or on another item of work. */
	interface Task< T >
	{
		/** @return {@code false} if canceled before the item was finished */
		boolean run( T item );
	}

	private Slabs()
	{}

	/**
	 * @param halo
	 *            extra samples a slab's buffer needs per axis (kernel size - 1)
	 * @param maxSamples
	 *            upper bound on a slab's buffer, in samples
	 * @param slabsPerThread
	 *            how many slabs each thread should get, for balance; fewer
	 *            slabs mean less halo to read twice
	 */
	static List< Interval > cut( final Interval target, final int[] halo, final long maxSamples,
			final int slabsPerThread )
	{
		final int n = target.numDimensions();
		final int axis = cutAxis( target );
		long crossSection = 1;
		for ( int d = 0; d < n; d++ )
			if ( d != axis )
				crossSection *= target.dimension( d ) + halo[ d ];
		final long length = target.dimension( axis );
		final int parallelism = threads();
		long parts = ( long ) slabsPerThread * parallelism;
		// NB: a slab at least twice as thick as its halo reads each input sample at most 1.5
		// times; that beats finer balance when the kernel is long along the cut axis.
		final long thinnest = 2L * halo[ axis ];
		if ( length / parts < thinnest )
			parts = Math.max( parallelism, length / Math.max( 1, thinnest ) / parallelism
					* parallelism );
		final long forThreads = ( length + parts - 1 ) / parts;
		final long forMemory = maxSamples / crossSection - halo[ axis ];
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

	/**
	 * Runs the task on every slab (or other item of work), in parallel.
	 *
	 * @throws CancellationException
	 *             if the monitor canceled
	 */
	static < T > void run( final List< T > slabs, final FilterMonitor monitor,
			final Task< T > task )
	{
		final AtomicBoolean canceled = new AtomicBoolean();
		final AtomicInteger done = new AtomicInteger();
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		executor.forEach( slabs, slab -> {
			if ( canceled.get() || monitor.isCanceled() )
			{
				canceled.set( true );
				return;
			}
			if ( !task.run( slab ) )
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

	/**
	 * As {@link #run(List, FilterMonitor, Task)}, with one task per thread,
	 * made by {@code perThread} when the thread takes its first item, so that
	 * a task may keep buffers from one item to the next.
	 */
	static < T > void run( final List< T > items, final FilterMonitor monitor,
			final Supplier< Task< T > > perThread )
	{
		// NB: a map local to this call, not a ThreadLocal, so that the buffers go with it.
		final Map< Thread, Task< T > > tasks = new ConcurrentHashMap<>();
		run( items, monitor, item -> tasks.computeIfAbsent( Thread.currentThread(),
				thread -> perThread.get() ).run( item ) );
	}

	/**
	 * @return how many threads run the tasks of {@link #run}: the executor's
	 *         parallelism, and one more for ImgLib2's default executor, whose
	 *         pool (the common fork-join pool, one thread fewer than there are
	 *         cores) is joined by the calling thread while it waits
	 */
	static int threads()
	{
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		final int parallelism = executor.getParallelism();
		return executor == TaskExecutors.multiThreaded() ? parallelism + 1 : parallelism;
	}

	/** @return the axis slabs are cut along: the last one longer than 1, else x */
	static int cutAxis( final Interval target )
	{
		for ( int d = target.numDimensions() - 1; d > 0; d-- )
			if ( target.dimension( d ) > 1 )
				return d;
		return 0;
	}

	private static long[] concat( final long[] a, final long[] b )
	{
		final long[] c = new long[ a.length + b.length ];
		System.arraycopy( a, 0, c, 0, a.length );
		System.arraycopy( b, 0, c, a.length, b.length );
		return c;
	}
}
