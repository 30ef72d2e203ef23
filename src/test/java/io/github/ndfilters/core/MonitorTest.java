package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.Sampler;
import net.imglib2.converter.Converters;
import net.imglib2.converter.readwrite.SamplerConverter;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.FloatAccess;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;

/**
 * Progress and cancellation: progress rises to 1 and never falls within a
 * run; a canceled run throws {@link CancellationException}, returns no result
 * and stops soon after the monitor asks, not after the whole image.
 */
class MonitorTest
{
	private static final long[] DIMS = { 200, 600 };

	private static final double[] INPUT = new Random( 29 ).doubles( 200 * 600, 0, 1 ).toArray();

	private static final Kernel KERNEL = Kernel.of( new Random( 31 ).doubles( 25, -1, 1 )
			.toArray(), 5, 5 );

	/** Records the progress calls of a run, in the order they arrive. */
	private static final class Recorder implements FilterMonitor
	{
		final List< Double > fractions = new ArrayList<>();

		@Override
		public synchronized void progress( final double fraction )
		{
			fractions.add( fraction );
		}
	}

	@Test
	void progressRisesToOne()
	{
		for ( final int threads : new int[] { 1, 2, 4, 8 } )
			for ( final long[] dims : new long[][] { DIMS, { 5000 }, { 9, 8, 40 }, { 1, 1 } } )
				for ( final Method method : Method.values() )
				{
					final Recorder recorder = new Recorder();
					final double[] input = new double[ ( int ) Intervals.numElements( dims ) ];
					Parallelization.runWithNumThreads( threads, () -> LinearFilter
							.correlate( Kernel.line( 1, 2, 3 ) ).method( method )
							.monitor( recorder ).apply( ArrayImgs.doubles( input, dims ) ) );
					final String what = threads + " threads, " + method + ", image "
							+ Intervals.toString( ArrayImgs.doubles( dims ) );
					assertFalse( recorder.fractions.isEmpty(), what + ": no progress reported" );
					double last = 0;
					for ( final double f : recorder.fractions )
					{
						assertTrue( f >= last && f <= 1, what + ": progress went " + last
								+ " -> " + f + " in " + recorder.fractions );
						last = f;
					}
					assertEquals( 1.0, last, what + ": progress must end at 1" );
				}
	}

	@Test
	void cancelingAfterTheFirstProgressThrowsAndReturnsNothing()
	{
		for ( final int threads : new int[] { 1, 2, 4 } )
			for ( final Method method : Method.values() )
			{
				final FilterMonitor cancelAfterFirstProgress = new FilterMonitor()
				{
					private volatile boolean canceled;

					@Override
					public void progress( final double fraction )
					{
						canceled = true;
					}

					@Override
					public boolean isCanceled()
					{
						return canceled;
					}
				};
				final double[] input = INPUT.clone();
				final Object[] result = new Object[ 1 ];
				assertThrows( CancellationException.class,
						() -> Parallelization.runWithNumThreads( threads, ( Runnable ) () -> {
							result[ 0 ] = LinearFilter.convolve( KERNEL ).method( method )
									.monitor( cancelAfterFirstProgress )
									.apply( ArrayImgs.doubles( input, DIMS ) );
						} ),
						threads + " threads, " + method );
				assertNull( result[ 0 ], "a canceled run returns nothing" );
				assertArrayEquals( INPUT, input, "the input must not change" );
			}
	}

	@Test
	void cancelingBeforeTheStartWritesNothing()
	{
		final FilterMonitor alwaysCanceled = new FilterMonitor()
		{
			@Override
			public boolean isCanceled()
			{
				return true;
			}
		};
		for ( final Method method : Method.values() )
		{
			final WriteCounter counter = new WriteCounter( Long.MAX_VALUE, DIMS );
			assertThrows( CancellationException.class, () -> LinearFilter.convolve( KERNEL )
					.method( method ).monitor( alwaysCanceled )
					.applyTo( ArrayImgs.doubles( INPUT.clone(), DIMS ), counter.target() ) );
			assertEquals( 0, counter.writes.get(), method + ": samples written after cancel" );
		}
	}

	/**
	 * The flag goes up at a given sample written, wherever the engine is in
	 * its work; after that, each worker may finish little more than the tile
	 * of rows it is on.
	 */
	@Test
	void cancelingStopsWithinABoundedAmountOfWork()
	{
		// NB: tall enough that a slab holds several tiles even when the direct path sums
		// several parts of these narrow rows side by side (see BlockCorrelator.groups).
		final long[] dims = { 200, 9600 };
		final double[] input = new Random( 37 ).doubles( 200 * 9600, 0, 1 ).toArray();
		final long total = Intervals.numElements( dims );
		final long lineLength = dims[ 0 ];
		final int groups = BlockCorrelator.groups( KERNEL.dimensions(), new int[] { 200, 9600 } );
		// NB: not on a line or block boundary, so polling only between blocks shows up.
		final long cancelAt = total * 3 / 10 + 37;
		for ( final int threads : new int[] { 1, 2, 4 } )
			for ( final Method method : Method.values() )
			{
				final WriteCounter counter = new WriteCounter( cancelAt, dims );
				final FilterMonitor monitor = new FilterMonitor()
				{
					@Override
					public boolean isCanceled()
					{
						return counter.canceled;
					}
				};
				assertThrows( CancellationException.class,
						() -> Parallelization.runWithNumThreads( threads,
								() -> LinearFilter.convolve( KERNEL ).method( method )
										.monitor( monitor ).applyTo(
												ArrayImgs.doubles( input.clone(), dims ),
												counter.target() ) ) );
				final long afterCancel = counter.writes.get() - cancelAt;
				// NB: engines poll between tiles of output rows, so each worker may
				// finish the tile it is on; a tile row holds `groups` image rows.
				final long perWorker = ( BlockCorrelator.TILE_ROWS + 4 ) * lineLength * groups;
				final long perSlab = total / ( 4L * threads );
				assertTrue( perWorker < perSlab, "the bound must be finer than a slab" );
				assertTrue( afterCancel <= threads * perWorker, threads + " threads, "
						+ method + ": " + afterCancel + " samples were written after the cancel ("
						+ cancelAt + " before, " + total + " in all)" );
			}
	}

	/**
	 * Counts the samples written into its float target and raises a cancel
	 * flag when the count reaches a given number.
	 */
	private static final class WriteCounter
	{
		final AtomicLong writes = new AtomicLong();

		final long cancelAt;

		private final long[] dims;

		volatile boolean canceled;

		WriteCounter( final long cancelAt, final long[] dims )
		{
			this.cancelAt = cancelAt;
			this.dims = dims;
		}

		void written()
		{
			if ( writes.incrementAndGet() == cancelAt )
				canceled = true;
		}

		RandomAccessibleInterval< FloatType > target()
		{
			final SamplerConverter< FloatType, FloatType > counting = sampler -> new FloatType(
					new CountingAccess( sampler, this ) );
			return Converters.convert( ( RandomAccessibleInterval< FloatType > ) ArrayImgs
					.floats( dims ), counting );
		}
	}

	/** Passes reads and writes to the sample underneath, counting the writes. */
	private static final class CountingAccess implements FloatAccess
	{
		private final Sampler< ? extends FloatType > sampler;

		private final WriteCounter counter;

		CountingAccess( final Sampler< ? extends FloatType > sampler,
				final WriteCounter counter )
		{
			this.sampler = sampler;
			this.counter = counter;
		}

		@Override
		public float getValue( final int index )
		{
			return sampler.get().get();
		}

		@Override
		public void setValue( final int index, final float value )
		{
			counter.written();
			sampler.get().set( value );
		}
	}
}
