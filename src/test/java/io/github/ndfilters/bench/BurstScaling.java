package io.github.ndfilters.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * Measures whether short bursts of work, the length of one 2-D 7x7 filter,
 * get every core at once on this machine. Each burst runs the same scalar
 * loop once per thread through ImgLib2's task executor, as the filters' slabs
 * do, after a short pause in which the pool's threads go idle.
 * <p>
 * On a virtual machine a burst can run on fewer cores than the machine
 * reports. On the build machine, from one minute to the next, between 13 and
 * 33 of 40 bursts ran at full speed and the rest took up to about twice as
 * long, while loops of seconds always got both cores. The benchmark prints
 * this next to its table, so that its times can be read against it.
 * </p>
 */
final class BurstScaling
{
	/** Steps of the loop, about 2 ms on one core. */
	private static final long STEPS = 1_500_000;

	private static final int BURSTS = 40;

	/** Pause between bursts, long enough for idle pool threads to park. */
	private static final long PAUSE_MILLIS = 5;

	/** What {@link #measure} found. */
	static final class Result
	{
		/** Median time of a burst on all threads, over one thread's loop alone. */
		final double medianSlowdown;

		/** Bursts within 1.25 times one thread's loop alone. */
		final int fullSpeed;

		final int bursts;

		Result( final double medianSlowdown, final int fullSpeed, final int bursts )
		{
			this.medianSlowdown = medianSlowdown;
			this.fullSpeed = fullSpeed;
			this.bursts = bursts;
		}
	}

	private BurstScaling()
	{}

	static Result measure( final int threads ) throws InterruptedException
	{
		for ( int i = 0; i < 20; i++ )
			loop( STEPS );
		final List< Integer > items = new ArrayList<>();
		for ( int t = 0; t < threads; t++ )
			items.add( t );
		final double[] slowdowns = new double[ BURSTS ];
		int fullSpeed = 0;
		for ( int b = 0; b < BURSTS; b++ )
		{
			// NB: each burst against a loop alone just before it, as the machine's speed drifts
			// (a reference taken once made a burst on two threads look faster than one alone).
			final long aloneStart = System.nanoTime();
			loop( STEPS );
			final double alone = System.nanoTime() - aloneStart;
			Thread.sleep( PAUSE_MILLIS );
			final long start = System.nanoTime();
			Parallelization.getTaskExecutor().forEach( items, item -> loop( STEPS ) );
			slowdowns[ b ] = ( System.nanoTime() - start ) / alone;
			if ( slowdowns[ b ] <= 1.25 )
				fullSpeed++;
		}
		return new Result( median( slowdowns ), fullSpeed, BURSTS );
	}

	/** A chain of dependent steps, bound by the core alone, not by memory. */
	private static double loop( final long steps )
	{
		// NB: started at its fixed point (1), the chain ran in no time at all.
		double x = 0.5;
		for ( long i = 0; i < steps; i++ )
			x = x * 0.999999 + 1e-7;
		if ( x == 12345 )
			System.out.print( "" ); // keeps the loop alive
		return x;
	}

	private static double median( final double[] values )
	{
		final double[] sorted = values.clone();
		Arrays.sort( sorted );
		return sorted[ sorted.length / 2 ];
	}
}
