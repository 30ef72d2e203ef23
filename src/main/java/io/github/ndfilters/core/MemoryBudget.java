package io.github.ndfilters.core;

import java.util.Locale;

import net.imglib2.Interval;

/**
 * Refuses a filter run that cannot fit into the memory the JVM may still
 * claim, before anything is allocated, so a too-large request fails at once
 * with a message that gives the sizes instead of an {@link OutOfMemoryError}
 * half way through.
 * <p>
 * The estimate counts the result and the working buffers: each worker
 * thread holds the input under a slab of the output, extended by the kernel.
 * A slab is at least one slice across the output's last axis longer than 1
 * and otherwise up to {@link #SLAB_SAMPLES} samples. Each sample is counted
 * at {@link #BYTES_PER_WORKING_SAMPLE} bytes, with room to spare for the most
 * demanding engine: the FFT path holds its tiles as complex floats (8 bytes a
 * sample) beside the float blocks it reads (4), where the direct path needs
 * only the float block.
 * </p>
 * <p>
 * A front end that allocates a result of its own calls {@link #require}
 * before it does:
 * </p>
 *
 * <pre>
 * MemoryBudget.require( 4.0 * width * height * planes, 0 );
 * float[][] result = new float[ planes ][ width * height ];
 * </pre>
 */
public final class MemoryBudget
{
	/** Samples per worker buffer that the engines aim at. */
	static final double SLAB_SAMPLES = 1 << 22;

	/**
	 * A complex float (8 bytes) and a float (4) per working sample, and room
	 * for the transforms' scratch and the kernel's spectrum.
	 */
	static final double BYTES_PER_WORKING_SAMPLE = 20;

	private MemoryBudget()
	{}

	/**
	 * @param target
	 *            the interval to compute
	 * @param kernel
	 *            in correlation form, with as many axes as the target
	 * @param threads
	 *            the number of worker threads
	 * @return the bytes the working buffers need at most, roughly
	 */
	static double workingBytes( final Interval target, final Kernel kernel, final int threads )
	{
		final int n = target.numDimensions();
		final int axis = Slabs.cutAxis( target );
		// NB: double, because a huge request must not overflow into a small estimate.
		double crossSection = 1;
		for ( int d = 0; d < n; d++ )
			if ( d != axis )
				crossSection *= target.dimension( d ) + kernel.dimension( d ) - 1.0;
		final double padded = crossSection * ( target.dimension( axis ) + kernel.dimension( axis )
				- 1.0 );
		final double slab = Math.max( Math.min( padded, SLAB_SAMPLES ),
				crossSection * kernel.dimension( axis ) );
		return BYTES_PER_WORKING_SAMPLE * slab * Math.max( 1, threads );
	}

	/** @return the bytes of one sample per position of the interval, at this bit depth */
	static double bytes( final Interval interval, final int bitsPerSample )
	{
		double samples = 1;
		for ( int d = 0; d < interval.numDimensions(); d++ )
			samples *= interval.dimension( d );
		return samples * bitsPerSample / 8.0;
	}

	/** @return what the JVM can still allocate: its limit minus what is in use */
	static double available()
	{
		final Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - ( double ) ( rt.totalMemory() - rt.freeMemory() );
	}

	/**
	 * Like {@link #check}, with what the JVM can allocate now. Before refusing
	 * it collects garbage once, because memory counted as in use may be
	 * garbage not yet collected.
	 *
	 * @param resultBytes
	 *            bytes of the result the caller is about to allocate
	 * @param workingBytes
	 *            bytes of working buffers, 0 if there are none
	 * @throws IllegalArgumentException
	 *             if the two together exceed what Java can still allocate,
	 *             giving both sizes and how to get more memory
	 */
	public static void require( final double resultBytes, final double workingBytes )
	{
		if ( resultBytes + workingBytes <= available() )
			return;
		System.gc();
		check( resultBytes, workingBytes, available() );
	}

	/**
	 * @param resultBytes
	 *            bytes of the result to allocate, 0 if the caller supplies it
	 * @param workingBytes
	 *            bytes of the working buffers
	 * @param available
	 *            bytes the JVM can still allocate
	 * @throws IllegalArgumentException
	 *             if the two together exceed {@code available}
	 */
	static void check( final double resultBytes, final double workingBytes,
			final double available )
	{
		final double needed = resultBytes + workingBytes;
		if ( needed <= available )
			return;
		final String parts = resultBytes <= 0 ? " for working buffers"
				: workingBytes <= 0 ? " for the result"
						: " (result " + format( resultBytes ) + ", working buffers "
								+ format( workingBytes ) + ")";
		throw new IllegalArgumentException( "Not enough memory: filtering needs about "
				+ format( needed ) + parts + ", but Java can use only about "
				+ format( Math.max( 0, available ) ) + " more. Filter the image block by block "
				+ "(LinearFilter.applyTo), choose a smaller output (a smaller type or 'valid'), "
				+ "or give Java more memory (the -Xmx option; in ImageJ: Edit > Options > "
				+ "Memory & Threads)." );
	}

	/** @return the size in the largest unit that keeps it at least 1, and in bytes */
	static String format( final double bytes )
	{
		final String[] units = { "bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
		double v = bytes;
		int u = 0;
		while ( v >= 1024 && u < units.length - 1 )
		{
			v /= 1024;
			u++;
		}
		final String rounded = u == 0 ? String.format( Locale.ROOT, "%.0f bytes", v )
				: String.format( Locale.ROOT, "%.1f %s (%.0f bytes)", v, units[ u ], bytes );
		return rounded;
	}
}
