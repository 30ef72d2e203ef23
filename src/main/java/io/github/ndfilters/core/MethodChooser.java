package io.github.ndfilters.core;

import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * The cost model behind {@link Method#AUTO}: estimated time of each method
 * from counts of multiply-adds (direct, separable) or of FFT butterflies, each
 * times a constant fitted to the benchmark's timings on a 2-core machine (the
 * benchmark prints which method this model picks beside the timings of all
 * of them), so that it picks the faster method on both sides of the
 * crossovers measured there. Only the ratios between the constants matter;
 * refit them whenever an engine changes speed.
 */
final class MethodChooser
{
	/** Seconds per multiply-add of the direct path (vectorised, all cores). */
	static final double DIRECT_PER_TAP = 4.5e-11;

	/**
	 * Seconds per output of the direct and separable paths beyond the sums:
	 * reading and extending the input, copies, writing the result.
	 */
	static final double PER_OUTPUT = 2.5e-9;

	/**
	 * Seconds per multiply-add of a separable pass, per output and per tap of
	 * the lines: shorter sums, a copy per tap along x, and halos passed
	 * through every pass.
	 */
	static final double SEPARABLE_PER_TAP = 2.6e-10;

	/**
	 * Seconds per unit of {@link FftCorrelator#cost}, a nanosecond of one
	 * thread. The direct estimates above come out 1.5 to 3 times the times
	 * measured on 2 threads, so this factor is set to match them where the
	 * two paths meet (2-D kernels of 15 to 25 taps, 3-D of 7 to 11, measured
	 * on 2048x2048 and 256x256x64) rather than to a true 0.5e-9.
	 */
	static final double FFT_PER_UNIT = 1.3e-9;

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
	static Method choose( final Method requested, final Interval target, final Kernel kernel )
	{
		final boolean separable = SeparableKernel.of( kernel ) != null;
		final boolean fft = FftCorrelator.supports( kernel );
		switch ( requested )
		{
		case SEPARABLE:
			return separable ? Method.SEPARABLE : Method.DIRECT;
		case FFT:
			return fft ? Method.FFT : Method.DIRECT;
		case DIRECT:
			return Method.DIRECT;
		default:
			break;
		}
		final double outputs = Intervals.numElements( target );
		Method best = Method.DIRECT;
		double bestCost = outputs * ( kernel.nonZeroWeights() * DIRECT_PER_TAP + PER_OUTPUT );
		if ( separable )
		{
			int taps = 0;
			for ( int d = 0; d < kernel.numDimensions(); d++ )
				taps += kernel.dimension( d ) > 1 ? kernel.dimension( d ) : 0;
			final double cost = outputs * ( Math.max( 1, taps ) * SEPARABLE_PER_TAP + PER_OUTPUT );
			if ( cost < bestCost )
			{
				best = Method.SEPARABLE;
				bestCost = cost;
			}
		}
		// NB: planning the tiles takes a tenth of a millisecond, which a small kernel's
		// whole filter would notice, so the FFT is first held against a bound on its cost.
		if ( fft && FftTiling.leastCost( target, kernel ) * FFT_PER_UNIT < bestCost
				&& FftCorrelator.cost( target, kernel ) * FFT_PER_UNIT < bestCost )
			best = Method.FFT;
		return best;
	}
}
