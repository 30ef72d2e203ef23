package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;

/**
 * One filter object and the engine behind it may be used from many threads at
 * once: eight threads running different filters on different images must get
 * exactly what each gets alone on one thread, and the number of worker
 * threads must not change a single bit of the result.
 */
class ConcurrencyTest
{
	private static final int JOBS = 8;

	/** A filter and the image it runs on. */
	private static final class Job
	{
		final LinearFilter filter;

		final RandomAccessibleInterval< ? extends RealType< ? > > image;

		Job( final LinearFilter filter,
				final RandomAccessibleInterval< ? extends RealType< ? > > image )
		{
			this.filter = filter;
			this.image = image;
		}

		double[] run()
		{
			return TestImages.values( filter.applyAsDouble( image ) );
		}
	}

	private static List< Job > jobs()
	{
		final Random r = new Random( 37 );
		final List< Job > jobs = new ArrayList<>();
		final Boundary[] modes = Boundary.values();
		for ( int i = 0; i < JOBS; i++ )
		{
			final int n = 1 + i % 3;
			final long[] dims = n == 1 ? new long[] { 12_000 }
					: n == 2 ? new long[] { 110, 90 } : new long[] { 24, 20, 16 };
			final int[] kernelDims = new int[ n ];
			int taps = 1;
			for ( int d = 0; d < n; d++ )
			{
				kernelDims[ d ] = 1 + r.nextInt( n == 1 ? 9 : 5 );
				taps *= kernelDims[ d ];
			}
			final Kernel kernel = Kernel.of( r.doubles( taps, -1, 1 ).toArray(), kernelDims );
			final LinearFilter filter = LinearFilter.of( Operation.values()[ i % 2 ], kernel )
					.boundary( BoundaryConditions.perAxis( i, modes[ i % modes.length ],
							modes[ ( i + 3 ) % modes.length ] ) )
					.outputSize( OutputSize.values()[ i % 3 ] );
			final RandomAccessibleInterval< ? extends RealType< ? > > image;
			if ( i % 4 == 3 )
			{
				final Img< ShortType > cells = new CellImgFactory<>( new ShortType(), 7 )
						.create( dims );
				cells.forEach( t -> t.setReal( r.nextInt( 2000 ) - 1000 ) );
				image = cells;
			}
			else
			{
				final int size = ( int ) Arrays.stream( dims ).reduce( 1, ( a, b ) -> a * b );
				image = ArrayImgs.doubles( r.doubles( size, -100, 100 ).toArray(), dims );
			}
			jobs.add( new Job( filter, image ) );
		}
		return jobs;
	}

	@Test
	void eightThreadsAtOnceGiveTheSingleThreadedResults() throws Exception
	{
		final List< Job > jobs = jobs();
		final List< double[] > alone = new ArrayList<>();
		final List< double[] > inputs = new ArrayList<>();
		for ( final Job job : jobs )
		{
			alone.add( Parallelization.runSingleThreaded( job::run ) );
			inputs.add( TestImages.values( job.image ) );
		}

		final ExecutorService pool = Executors.newFixedThreadPool( JOBS );
		try
		{
			final CountDownLatch start = new CountDownLatch( 1 );
			final List< Future< List< double[] > > > results = new ArrayList<>();
			for ( final Job job : jobs )
				results.add( pool.submit( () -> {
					start.await();
					final List< double[] > runs = new ArrayList<>();
					for ( int repeat = 0; repeat < 3; repeat++ )
						runs.add( job.run() );
					return runs;
				} ) );
			start.countDown();
			for ( int i = 0; i < JOBS; i++ )
				for ( final double[] run : results.get( i ).get() )
					assertArrayEquals( alone.get( i ), run, "job " + i );
		}
		finally
		{
			pool.shutdownNow();
		}
		for ( int i = 0; i < JOBS; i++ )
			assertArrayEquals( inputs.get( i ), TestImages.values( jobs.get( i ).image ),
					"job " + i + ": the source must not change" );
	}

	@Test
	void numberOfWorkerThreadsChangesNothing()
	{
		for ( final Job job : jobs() )
		{
			final double[] single = Parallelization.runSingleThreaded( job::run );
			assertArrayEquals( single, Parallelization.runMultiThreaded( job::run ) );
			for ( final int threads : new int[] { 2, 3, 8 } )
				assertArrayEquals( single, Parallelization.runWithNumThreads( threads, job::run ),
						threads + " threads" );
		}
	}
}
