package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * Rows narrower than the direct path's longest x segment are summed several
 * side by side, one from each equal part of y ({@link BlockCorrelator#groups}):
 * the parts must meet without seams, in every boundary mode and output size,
 * for float and integer targets, and with the double-precision levels that
 * long kernels use.
 */
class NarrowRowsTest
{
	private static final Random RANDOM = new Random( 41 );

	/** Parts of y side by side, worked out by hand from the rule in the engine's comment. */
	@Test
	void partsFollowTheRowLengthAndTheHalo()
	{
		// 7 taps along x: segments of up to 1024, so at most four rows of 256; 256 / 4 = 64
		// rows per part, at least twice the halo of 6.
		assertEquals( 4, BlockCorrelator.groups( new int[] { 7, 7, 7 }, new int[] { 256, 256,
				64 } ) );
		// Rows longer than one segment are cut along x instead.
		assertEquals( 1, BlockCorrelator.groups( new int[] { 7, 7 }, new int[] { 2048, 2048 } ) );
		// 255 rows: 2 and 4 do not divide them, 3 does (85 rows per part).
		assertEquals( 3, BlockCorrelator.groups( new int[] { 7, 7, 7 }, new int[] { 256, 255,
				8 } ) );
		// 20 rows: parts of 10 or 5 would be lower than twice the halo of 6.
		assertEquals( 1, BlockCorrelator.groups( new int[] { 7, 7 }, new int[] { 256, 20 } ) );
		// A pass along y (1 tap along x) may have segments of 2048, so up to 20 rows of 100;
		// 20 divides 600 into parts of 30, at least twice the halo of 8.
		assertEquals( 20, BlockCorrelator.groups( new int[] { 1, 9 }, new int[] { 100, 600 } ) );
		// One axis: nothing to put side by side.
		assertEquals( 1, BlockCorrelator.groups( new int[] { 7 }, new int[] { 100 } ) );
	}

	@Test
	void partsSideBySideMeetWithoutSeams()
	{
		check( new long[] { 30, 48 }, new int[] { 5, 5 } );
		check( new long[] { 40, 36, 5 }, new int[] { 7, 3, 3 } );
		// 729 taps: the sums pass through the float and double levels.
		check( new long[] { 21, 40, 10 }, new int[] { 9, 9, 9 } );
	}

	@Test
	void aNaNSpoilsOnlyItsOwnWindowInEveryPart()
	{
		final long[] dims = { 30, 48 };
		final double[] input = RANDOM.doubles( 30 * 48, -4, 4 ).toArray();
		input[ 30 * 13 + 7 ] = Double.NaN;
		final int[] kernelDims = { 5, 5 };
		final double[] weights = RANDOM.doubles( 25, -1, 1 ).toArray();
		weights[ 3 ] = 0; // NB: a zero weight must still meet the NaN.
		compare( input, dims, weights, kernelDims, Boundary.SYMMETRIC, OutputSize.SAME );
	}

	@Test
	void integerTargetsGetTheirOwnRowOfEachPart()
	{
		final long[] dims = { 40, 36, 5 };
		final int[] kernelDims = { 7, 3, 3 };
		assertTrue( BlockCorrelator.groups( kernelDims, new int[] { 40, 36, 5 } ) > 1 );
		final double[] input = RANDOM.doubles( 40 * 36 * 5, 0, 300 ).toArray();
		final double[] weights = RANDOM.doubles( 63, -0.2, 1 ).toArray();
		final double[] expected = BruteForce.filter( input, dims, weights, kernelDims, centre(
				kernelDims ), modes( Boundary.REPLICATE, 3 ), 0, false, OutputSize.SAME ).values;
		final Img< UnsignedShortType > target = ArrayImgs.unsignedShorts( dims );
		LinearFilter.correlate( Kernel.of( weights, kernelDims ) ).boundary( Boundary.REPLICATE )
				.method( Method.DIRECT ).applyTo( ArrayImgs.doubles( input, dims ), target );
		final double[] actual = TestImages.values( target );
		for ( int i = 0; i < expected.length; i++ )
		{
			final double rounded = TestImages.roundAndSaturate( expected[ i ], 0, 0xffff );
			// NB: a sum within float rounding of a half may round either way.
			final boolean nearHalf = Math.abs( expected[ i ] - Math.floor( expected[ i ] )
					- 0.5 ) < 1e-3;
			assertTrue( Math.abs( actual[ i ] - rounded ) <= ( nearHalf ? 1 : 0 ), "sample " + i
					+ ": expected " + rounded + ", got " + actual[ i ] );
		}
	}

	/**
	 * One engine serves every part of a slab, and parts may differ in row
	 * length (the last part of a 2-D slab is lower, so its rows may be grouped
	 * differently). A second call with slightly longer rows reuses the first
	 * call's buffers; with 75 taps its sums pass through the outer levels,
	 * whose buffers must be long enough too.
	 */
	@Test
	void buffersReusedForLongerRowsHoldTheirSums()
	{
		final double[] weights = RANDOM.doubles( 75, -1, 1 ).toArray();
		final BlockCorrelator engine = BlockCorrelator.of( Kernel.of( weights, 75 ), false );
		for ( final int width : new int[] { 5, 10 } )
		{
			final float[] data = new float[ width + 74 ];
			for ( int i = 0; i < data.length; i++ )
				data[ i ] = RANDOM.nextInt( 9 ) - 4;
			final double[] sums = new double[ width ];
			engine.correlate( data, new int[] { data.length }, new int[] { width },
					new BlockCorrelator.Rows()
					{
						@Override
						public void accept( final int[] row, final double[] values,
								final int from, final int length )
						{
							System.arraycopy( values, from, sums, row[ 0 ], length );
						}

						@Override
						public void accept( final int[] row, final float[] values,
								final int from, final int length )
						{
							for ( int i = 0; i < length; i++ )
								sums[ row[ 0 ] + i ] = values[ from + i ];
						}
					}, FilterMonitor.NONE );
			for ( int o = 0; o < width; o++ )
			{
				double expected = 0, scale = 0;
				for ( int t = 0; t < 75; t++ )
				{
					expected += ( float ) weights[ t ] * data[ o + t ];
					scale += Math.abs( weights[ t ] * data[ o + t ] );
				}
				assertEquals( expected, sums[ o ], 1e-5 * scale, "width " + width + ", output "
						+ o );
			}
		}
	}

	/** Every mode and output size, with the size itself chosen so that rows are grouped. */
	private static void check( final long[] dims, final int[] kernelDims )
	{
		final int[] outDims = new int[ dims.length ];
		for ( int d = 0; d < dims.length; d++ )
			outDims[ d ] = ( int ) dims[ d ];
		assertTrue( BlockCorrelator.groups( kernelDims, outDims ) > 1,
				"the case must group rows" );
		int count = 1;
		for ( final long d : dims )
			count *= ( int ) d;
		int taps = 1;
		for ( final int k : kernelDims )
			taps *= k;
		final double[] input = RANDOM.doubles( count, -4, 4 ).toArray();
		final double[] weights = RANDOM.doubles( taps, -1, 1 ).toArray();
		for ( final Boundary mode : Boundary.values() )
			for ( final OutputSize size : OutputSize.values() )
				compare( input, dims, weights, kernelDims, mode, size );
	}

	private static void compare( final double[] input, final long[] dims,
			final double[] weights, final int[] kernelDims, final Boundary mode,
			final OutputSize size )
	{
		final int n = dims.length;
		final double value = mode == Boundary.CONSTANT ? 1.5 : 0;
		final double[] expected = BruteForce.filter( input, dims, weights, kernelDims, centre(
				kernelDims ), modes( mode, n ), value, false, size ).values;
		final double scale = TestImages.max( BruteForce.filter( TestImages.finiteMagnitudes(
				input ), dims, TestImages.finiteMagnitudes( weights ), kernelDims, centre(
						kernelDims ), modes( mode, n ), Math.abs( value ), false, size ).values );
		final BoundaryConditions edges = mode == Boundary.CONSTANT
				? BoundaryConditions.constant( value ) : BoundaryConditions.of( mode );
		final LinearFilter filter = LinearFilter.correlate( Kernel.of( weights, kernelDims ) )
				.boundary( edges ).outputSize( size ).method( Method.DIRECT );
		final RandomAccessibleInterval< DoubleType > source = ArrayImgs.doubles( input, dims );
		assertNull( TestImages.compareFloat( expected, TestImages.values( filter.apply(
				source ) ), 1e-5 * Math.max( 1, scale ) ), mode + ", " + size );
	}

	private static int[] centre( final int[] kernelDims )
	{
		final int[] centre = new int[ kernelDims.length ];
		for ( int d = 0; d < centre.length; d++ )
			centre[ d ] = kernelDims[ d ] / 2;
		return centre;
	}

	private static Boundary[] modes( final Boundary mode, final int n )
	{
		final Boundary[] modes = new Boundary[ n ];
		java.util.Arrays.fill( modes, mode );
		return modes;
	}
}
