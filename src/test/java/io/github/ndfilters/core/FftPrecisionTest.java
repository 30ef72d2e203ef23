package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;

/**
 * The FFT path transforms in {@code float} over tiles of up to millions of
 * samples, where rounding grows with the tile and float's range could be
 * left. These cases use tiles far larger than those of the random agreement
 * test and hold the result, at thousands of outputs, to the promised 1e-5 x
 * scale of the brute-force reference there.
 */
class FftPrecisionTest
{
	private static final Random RANDOM = new Random( 20261203 );

	/** Outputs checked per case, half of them near an edge. */
	private static final int CHECKED = 3000;

	@Test
	void largeThreeDimensionalTilesWithAnOffset()
	{
		// NB: an offset far above the variation makes every output a difference of large sums.
		check( new long[] { 70, 66, 50 }, new int[] { 15, 15, 15 }, 1000, 1, 1 );
	}

	@Test
	void largeTwoDimensionalTilesOfBothSigns()
	{
		check( new long[] { 300, 280 }, new int[] { 31, 31 }, 0, 1, 1 );
	}

	/** Unscaled, one tile's transform would sum past float's largest value. */
	@Test
	void samplesNearFloatsLargestValue()
	{
		check( new long[] { 60, 50, 40 }, new int[] { 9, 9, 9 }, 1e34, 1e33, 1e-4 );
	}

	/** Unscaled, products of these samples and weights would fall below float's range. */
	@Test
	void samplesNearFloatsSmallestNormalValue()
	{
		check( new long[] { 60, 50, 40 }, new int[] { 9, 9, 9 }, 0, 1e-37, 1e-4 );
	}

	@Test
	void weightsFarOutsideFloatsRange()
	{
		check( new long[] { 200, 150 }, new int[] { 21, 21 }, 0, 1e-30, 1e40 );
	}

	/**
	 * @param offset
	 *            added to every sample
	 * @param spread
	 *            samples are {@code offset} plus a uniform value in
	 *            {@code [-spread, spread)}
	 * @param weight
	 *            weights are uniform in {@code [-weight, weight)}
	 */
	private static void check( final long[] dims, final int[] kernelDims, final double offset,
			final double spread, final double weight )
	{
		final int samples = ( int ) Arrays.stream( dims ).reduce( 1, ( a, b ) -> a * b );
		final double[] input = new double[ samples ];
		for ( int i = 0; i < samples; i++ )
			input[ i ] = ( float ) ( offset + spread * ( 2 * RANDOM.nextDouble() - 1 ) );
		final int taps = Arrays.stream( kernelDims ).reduce( 1, ( a, b ) -> a * b );
		final double[] weights = new double[ taps ];
		for ( int i = 0; i < taps; i++ )
			weights[ i ] = weight * ( 2 * RANDOM.nextDouble() - 1 );
		final float[] result = toFloats( TestImages.values( LinearFilter.correlate( Kernel.of(
				weights, kernelDims ) ).boundary( Boundary.MIRROR ).method( Method.FFT ).apply(
						ArrayImgs.doubles( input, dims ) ) ) );
		for ( int i = 0; i < CHECKED; i++ )
		{
			// NB: the edges, where mirroring matters, as often as the inside
			final long[] at = new long[ dims.length ];
			for ( int d = 0; d < dims.length; d++ )
				at[ d ] = i % 2 == 0 ? RANDOM.nextInt( ( int ) dims[ d ] )
						: RANDOM.nextBoolean() ? RANDOM.nextInt( kernelDims[ d ] )
								: dims[ d ] - 1 - RANDOM.nextInt( kernelDims[ d ] );
			final double[] sums = BruteForce.correlateAt( input, dims, weights, kernelDims, at,
					Boundary.MIRROR );
			final int index = BruteForce.index( at, dims );
			final double error = Math.abs( result[ index ] - sums[ 0 ] );
			assertTrue( error <= 1e-5 * sums[ 1 ], () -> "at " + Arrays.toString( at )
					+ ": expected " + sums[ 0 ] + ", got " + result[ index ] + ", scale "
					+ sums[ 1 ] );
		}
	}

	private static float[] toFloats( final double[] values )
	{
		final float[] f = new float[ values.length ];
		for ( int i = 0; i < f.length; i++ )
			f[ i ] = ( float ) values[ i ];
		return f;
	}
}
