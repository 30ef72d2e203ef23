package io.github.ndfilters.core;

import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * The cost model behind {@link Method#AUTO}: the estimated time of each
 * method, in seconds on the 2-core build machine, from counts of
 * multiply-adds and copies (direct, separable) or from {@link FftTiling}'s
 * timing model (FFT). The constants were fitted to forced runs of each method
 * on 2048x2048 and 256x256x64 with 3 to 127 taps per axis, square, wide and
 * tall kernels; most estimates came within 20 % of the time measured, and
 * where two methods meet the faster one is picked. Only the ratios between
 * the constants matter; refit them whenever an engine changes speed.
 */
final class MethodChooser
{
	/** Seconds per multiply-add of the direct path (vectorised, all cores). */
	static final double DIRECT_PER_TAP = 1.5e-11;

	/**
	 * Seconds per input sample that the direct path copies, once per x-shift
	 * of the kernel ({@link BlockCorrelator#copiesPerOutput}): a wide, flat
	 * kernel (101x3) spends as long on copies as on sums.
	 */
	static final double DIRECT_PER_COPY = 3.3e-11;

	/**
	 * Seconds per output of the direct path beyond its sums and copies:
	 * reading and extending the input, writing the result.
	 */
	static final double PER_OUTPUT = 5e-10;

	/** Seconds per multiply-add of a separable pass, per output and per tap of the lines. */
	static final double SEPARABLE_PER_TAP = 3.3e-11;

	/** Seconds per sample the separable x pass copies, one per tap along x. */
	static final double SEPARABLE_PER_COPY = 2.5e-11;

	/**
	 * Seconds per output and pass of the separable path beyond its sums: each
	 * pass reads its input and writes an intermediate result. NB: refitted
	 * (from 7e-10) when the passes moved into cache-sized parts, to Gaussians
	 * of 3 to 11 taps on 2048x2048, on a 1024x1024x32 stack and on
	 * 256x256x64, against the direct path's estimates of the same runs; a
	 * 7x7 Gaussian then ran separably in 3.3 ms where auto still chose the
	 * direct path's 4.3.
	 */
	static final double SEPARABLE_PER_PASS = 2.9e-10;

	/** Seconds per unit of {@link FftTiling#cost}, a nanosecond of one of 2 threads. */
	static final double FFT_PER_UNIT = 0.5e-9;

	/** The method that will run, with the FFT's tiles if choosing it planned them. */
	static final class Choice
	{
		final Method method;

		/** Planned while choosing, so that the FFT need not plan them again; else null. */
		final FftTiling tiling;

		private Choice( final Method method, final FftTiling tiling )
		{
			this.method = method;
			this.tiling = tiling;
		}
	}

	private MethodChooser()
	{}

	/**
	 * @param requested
	 *            the user's choice; {@code AUTO} asks for the cheapest
	 * @param kernel
	 *            in correlation form
	 * @return the method that will run: the requested one if it can take the
	 *         kernel, else {@code DIRECT}
	 */
	static Choice choose( final Method requested, final Interval target, final Kernel kernel )
	{
		final boolean separable = SeparableKernel.of( kernel ) != null;
		final boolean fft = FftCorrelator.supports( kernel );
		switch ( requested )
		{
		case SEPARABLE:
			return new Choice( separable ? Method.SEPARABLE : Method.DIRECT, null );
		case FFT:
			return new Choice( fft ? Method.FFT : Method.DIRECT, null );
		case DIRECT:
			return new Choice( Method.DIRECT, null );
		default:
			break;
		}
		final double outputs = Intervals.numElements( target );
		Method best = Method.DIRECT;
		final int[] outDims = new int[ target.numDimensions() ];
		for ( int d = 0; d < outDims.length; d++ )
			outDims[ d ] = ( int ) Math.min( Integer.MAX_VALUE, target.dimension( d ) );
		double bestCost = outputs * ( kernel.nonZeroWeights() * DIRECT_PER_TAP
				+ BlockCorrelator.copiesPerOutput( kernel.dimensions(), outDims ) * DIRECT_PER_COPY
				+ PER_OUTPUT );
		if ( separable )
		{
			int taps = 0;
			int passes = 0;
			for ( int d = 0; d < kernel.numDimensions(); d++ )
				if ( kernel.dimension( d ) > 1 )
				{
					taps += kernel.dimension( d );
					passes++;
				}
			final double cost = outputs * ( taps * SEPARABLE_PER_TAP + kernel.dimension( 0 )
					* SEPARABLE_PER_COPY + Math.max( 1, passes ) * SEPARABLE_PER_PASS );
			if ( cost < bestCost )
			{
				best = Method.SEPARABLE;
				bestCost = cost;
			}
		}
		// NB: planning the tiles takes a tenth of a millisecond, which a small kernel's
		// whole filter would notice, so the FFT is first held against a bound on its cost.
		if ( fft && FftTiling.leastCost( target, kernel ) * FFT_PER_UNIT < bestCost )
		{
			final FftTiling tiling = FftTiling.of( target, kernel );
			if ( tiling.cost() * FFT_PER_UNIT < bestCost )
				return new Choice( Method.FFT, tiling );
		}
		return new Choice( best, null );
	}
}
