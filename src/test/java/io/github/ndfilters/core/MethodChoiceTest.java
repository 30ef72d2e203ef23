package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Which method runs: the separability test, the fallback of a method that
 * cannot take a kernel, the cost model's picks in clear-cut cases, and
 * cancellation on every method.
 */
class MethodChoiceTest
{
	@Test
	void outerProductsAreSeparableOthersNot()
	{
		final double[] g = { 0.054, 0.242, 0.399, 0.242, 0.054 };
		final double[] gauss = new double[ 125 ];
		for ( int i = 0; i < 125; i++ )
			gauss[ i ] = g[ i % 5 ] * g[ i / 5 % 5 ] * g[ i / 25 ];
		assertTrue( Kernel.of( gauss, 5, 5, 5 ).isSeparable() );
		assertTrue( Kernel.of( new double[] { 1, 1, 1, 1, 1, 1 }, 3, 2 ).isSeparable() );
		assertTrue( Kernel.of( new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, 3, 3 )
				.isSeparable() );
		assertTrue( Kernel.line( 3, -1 ).isSeparable() );
		assertFalse( Kernel.of( new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, 3, 3 )
				.isSeparable(), "the Laplacian has rank 2" );
		assertFalse( Kernel.of( new double[] { 1, 2, 3, 4 }, 2, 2 ).isSeparable() );
		final double[] almost = gauss.clone();
		almost[ 62 ] *= 1 + 1e-9;
		assertFalse( Kernel.of( almost, 5, 5, 5 ).isSeparable() );
	}

	@Test
	void aMethodThatCannotTakeTheKernelGivesWayToDirect()
	{
		final Kernel laplacian = Kernel.of( new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, 3, 3 );
		final List< String > warnings = new ArrayList<>();
		final FilterMonitor monitor = new FilterMonitor()
		{
			@Override
			public void warn( final String message )
			{
				warnings.add( message );
			}
		};
		final LinearFilter filter = LinearFilter.correlate( laplacian ).method(
				Method.SEPARABLE ).monitor( monitor );
		final RandomAccessibleInterval< FloatType > image = ArrayImgs.floats( 20, 20 );
		assertEquals( Method.DIRECT, filter.chosenMethod( image ) );
		filter.apply( image );
		assertEquals( 1, warnings.size() );
		assertTrue( warnings.get( 0 ).contains( "separable" ) );
		assertEquals( Method.DIRECT, LinearFilter.correlate( Kernel.of( new double[ 16 ], 2, 2,
				2, 2 ) ).method( Method.FFT ).chosenMethod( ArrayImgs.floats( 5, 5, 5, 5 ) ),
				"the FFT path transforms at most three axes" );
	}

	@Test
	void autoPicksTheCheapMethodInClearCases()
	{
		final Random random = new Random( 3 );
		assertEquals( Method.DIRECT, LinearFilter.correlate( randomKernel( random, 3, 3 ) )
				.chosenMethod( ArrayImgs.floats( 512, 512 ) ) );
		assertEquals( Method.FFT, LinearFilter.correlate( randomKernel( random, 41, 41 ) )
				.chosenMethod( ArrayImgs.floats( 512, 512 ) ) );
		final double[] g = new double[ 15 ];
		for ( int i = 0; i < 15; i++ )
			g[ i ] = Math.exp( -0.5 * ( i - 7 ) * ( i - 7 ) / 6.25 );
		final double[] gauss = new double[ 15 * 15 * 15 ];
		for ( int i = 0; i < gauss.length; i++ )
			gauss[ i ] = g[ i % 15 ] * g[ i / 15 % 15 ] * g[ i / 225 ];
		assertEquals( Method.SEPARABLE, LinearFilter.correlate( Kernel.of( gauss, 15, 15, 15 ) )
				.chosenMethod( ArrayImgs.floats( 64, 64, 64 ) ) );
	}

	/**
	 * When the cost model picks the FFT, the FFT runs on the tiles planned
	 * while choosing; its result must still be the correlation.
	 */
	@Test
	void theFftThatAutoPicksRunsOnItsPlannedTiles()
	{
		final Random random = new Random( 5 );
		final long[] dims = { 256, 200 };
		final double[] input = random.doubles( 256 * 200, -10, 10 ).toArray();
		final double[] weights = random.doubles( 41 * 41, -1, 1 ).toArray();
		final int[] kernelDims = { 41, 41 };
		final LinearFilter filter = LinearFilter.correlate( Kernel.of( weights, kernelDims ) )
				.boundary( Boundary.MIRROR );
		assertEquals( Method.FFT, filter.chosenMethod( ArrayImgs.doubles( dims ) ) );
		final double[] out = new double[ input.length ];
		int i = 0;
		for ( final DoubleType v : Views.flatIterable( filter.applyAsDouble( ArrayImgs.doubles(
				input.clone(), dims ) ) ) )
			out[ i++ ] = v.get();
		final Boundary[] modes = { Boundary.MIRROR, Boundary.MIRROR };
		final double[] ref = BruteForce.filter( input, dims, weights, kernelDims, new int[] { 20,
				20 }, modes, 0, false, OutputSize.SAME ).values;
		final double scale = TestImages.max( BruteForce.filter( TestImages.finiteMagnitudes(
				input ), dims, TestImages.finiteMagnitudes( weights ), kernelDims, new int[] { 20,
						20 }, modes, 0, false, OutputSize.SAME ).values );
		for ( int p = 0; p < ref.length; p++ )
			assertEquals( ref[ p ], out[ p ], 1e-5 * scale, "at " + p );
	}

	/**
	 * Worked by hand from the direct path's tiles: a 7x7 kernel on rows of
	 * 2048 sums segments of 1024 in tiles of 32 rows, which need 38 input
	 * rows, each copied 7 times; 7x7x7 on 256x256x64 sums rows of 256 in
	 * tiles of 8 x 8 rows, which need 14 x 14.
	 */
	@Test
	void directCopiesPerOutputFollowTheTiles()
	{
		assertEquals( 7 * 38 / 32.0, BlockCorrelator.copiesPerOutput( new int[] { 7, 7 },
				new int[] { 2048, 2048 } ), 1e-12 );
		// 3-D rows of 256 are summed four side by side (1024 samples): 32 tile rows as 6x6
		// of y and z, under 12x12 input rows.
		assertEquals( 7 * 12 * 12 / 36.0, BlockCorrelator.copiesPerOutput( new int[] { 7, 7,
				7 }, new int[] { 256, 256, 64 } ), 1e-12 );
	}

	/**
	 * A wide, flat kernel copies each input row once per tap along x for only
	 * three kernel lines; the FFT path took 28 ms on 2048x2048 where the
	 * direct path took 44.
	 */
	@Test
	void autoCountsTheDirectPathsCopies()
	{
		assertEquals( Method.FFT, LinearFilter.correlate( randomKernel( new Random( 8 ), 127, 3 ) )
				.chosenMethod( ArrayImgs.floats( 2048, 2048 ) ) );
		assertEquals( Method.DIRECT, LinearFilter.correlate( randomKernel( new Random( 8 ), 3,
				127 ) ).chosenMethod( ArrayImgs.floats( 2048, 2048 ) ), "tall: few copies" );
	}

	@Test
	void everyMethodStopsWhenCanceled()
	{
		final Random random = new Random( 5 );
		final double[] box = new double[ 81 ];
		java.util.Arrays.fill( box, 1 );
		final Kernel[] kernels = { randomKernel( random, 9, 9 ), Kernel.of( box, 9, 9 ) };
		for ( final Method method : Method.values() )
			for ( final Kernel kernel : kernels )
			{
				final FilterMonitor cancelAtOnce = new FilterMonitor()
				{
					@Override
					public boolean isCanceled()
					{
						return true;
					}
				};
				assertThrows( CancellationException.class, () -> LinearFilter.correlate( kernel )
						.method( method ).monitor( cancelAtOnce ).apply( ArrayImgs.floats( 300,
								200 ) ), method.toString() );
			}
	}

	private static Kernel randomKernel( final Random random, final int... dims )
	{
		int size = 1;
		for ( final int d : dims )
			size *= d;
		final double[] w = new double[ size ];
		for ( int i = 0; i < size; i++ )
			w[ i ] = random.nextDouble() - 0.5;
		return Kernel.of( w, dims );
	}
}
