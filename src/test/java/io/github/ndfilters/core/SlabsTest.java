package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import net.imglib2.FinalInterval;
import net.imglib2.parallel.Parallelization;

/**
 * How many threads {@link Slabs} counts on, and so how many slabs it cuts:
 * what the caller set through {@link Parallelization}, and for ImgLib2's
 * default executor the common pool's threads plus the calling thread, which
 * works through the slabs while it waits.
 */
public class SlabsTest
{
	private static final int[] HALO = { 2, 2 };

	@Test
	public void countsTheCallingThreadBesideTheCommonPool()
	{
		final int threads = ForkJoinPool.commonPool().getParallelism() + 1;
		assertEquals( threads, Slabs.threads() );
		assertEquals( 4 * threads, Slabs.cut( new FinalInterval( 64, 4000 ), HALO, 1 << 22, 4 )
				.size() );
	}

	@Test
	public void followsTheThreadsTheCallerAsksFor()
	{
		Parallelization.runWithNumThreads( 3, () -> {
			assertEquals( 3, Slabs.threads() );
			assertEquals( 12, Slabs.cut( new FinalInterval( 64, 4000 ), HALO, 1 << 22, 4 )
					.size() );
		} );
		Parallelization.runSingleThreaded( () -> assertEquals( 1, Slabs.threads() ) );
	}
}
