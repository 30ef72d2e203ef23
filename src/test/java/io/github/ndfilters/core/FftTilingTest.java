package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * The FFT path's tiles: the last tile along an axis gets a smaller transform
 * when its input fits one, every output lies in exactly one tile, every
 * tile's input fits its transform, the quick bound on the cost holds, and a
 * filter over tiles of several shapes equals the brute-force sums.
 */
class FftTilingTest
{
	private static final Random RANDOM = new Random( 41 );

	/**
	 * Worked by hand: a 512 transform of a 31-tap kernel gives 482 outputs,
	 * so 2048 outputs are 4 tiles of 482 and one of 120, whose input of
	 * 120 + 30 = 150 samples fits 160 = 5 x 32, the first fast size from 150.
	 */
	@Test
	void theLastTileGetsTheSmallestFastSizeThatHoldsIt()
	{
		final FftTiling tiling = FftTiling.withMainSizes( new FinalInterval( 2048, 2048 ),
				Kernel.of( new double[ 31 * 31 ], 31, 31 ), new int[] { 512, 512 } );
		assertArrayEquals( new int[] { 482, 482 }, tiling.step );
		assertEquals( 4, tiling.shapes() );
		final int[][] sizes = { { 512, 512 }, { 160, 512 }, { 512, 160 }, { 160, 160 } };
		final int[][] outputs = { { 482, 482 }, { 120, 482 }, { 482, 120 }, { 120, 120 } };
		final long[] counts = { 16, 4, 4, 1 };
		for ( int shape = 0; shape < 4; shape++ )
		{
			assertArrayEquals( sizes[ shape ], tiling.plan( shape ).size, "shape " + shape );
			assertArrayEquals( outputs[ shape ], tiling.plan( shape ).outputs, "shape " + shape );
			assertEquals( counts[ shape ], tiling.count( shape ), "shape " + shape );
			assertEquals( counts[ shape ], tiling.tilesByShape().get( shape ).size() );
		}
	}

	/** 964 = 2 x 482 leaves no remainder, and 1000 leaves 36, whose 66 samples need 80. */
	@Test
	void anAxisWithoutRemainderHasNoSmallerTile()
	{
		final FftTiling tiling = FftTiling.withMainSizes( new FinalInterval( 964, 1000 ),
				Kernel.of( new double[ 31 * 31 ], 31, 31 ), new int[] { 512, 512 } );
		assertEquals( 0, tiling.count( 1 ) );
		assertEquals( 0, tiling.count( 3 ) );
		assertEquals( 4, tiling.count( 0 ) );
		assertEquals( 2, tiling.count( 2 ) );
		assertArrayEquals( new int[] { 512, 80 }, tiling.plan( 2 ).size );
	}

	/** However large the image, a thread's buffer and the spectra stay within the bound. */
	@Test
	void hugeImagesKeepTheTransformsWithinTheMemoryBound()
	{
		final FftTiling tiling = FftTiling.of( new FinalInterval( 5000, 4000, 3000 ), Kernel.of(
				new double[ 41 * 41 * 41 ], 41, 41, 41 ) );
		assertTrue( tiling.spectraSamples() <= FftTiling.MAX_TILE_SAMPLES );
		long largest = 0;
		for ( int shape = 0; shape < tiling.shapes(); shape++ )
			largest = Math.max( largest, tiling.samples( shape ) );
		assertTrue( largest <= FftTiling.MAX_TILE_SAMPLES );
		assertTrue( tiling.count( 0 ) > 1000, "many tiles, not one huge one" );
	}

	@Test
	void tilesCoverEveryOutputOnceAndFitTheirTransforms()
	{
		for ( int trial = 0; trial < 300; trial++ )
		{
			final int n = 1 + RANDOM.nextInt( 3 );
			final long[] min = new long[ n ];
			final long[] dims = new long[ n ];
			final int[] kernelDims = new int[ n ];
			for ( int d = 0; d < n; d++ )
			{
				min[ d ] = RANDOM.nextInt( 21 ) - 10;
				dims[ d ] = 1 + RANDOM.nextInt( n == 1 ? 3000 : n == 2 ? 400 : 60 );
				kernelDims[ d ] = RANDOM.nextInt( 4 ) == 0 ? 1 : 2 + RANDOM.nextInt( 20 );
			}
			if ( FftTiling.transformedAxes( Kernel.of( new double[ size( kernelDims ) ],
					kernelDims ) ).length == 0 )
				kernelDims[ 0 ] = 3;
			final Kernel kernel = Kernel.of( new double[ size( kernelDims ) ], kernelDims );
			final Interval target = FinalInterval.createMinSize( concat( min, dims ) );
			final FftTiling tiling = FftTiling.of( target, kernel );
			final double least = FftTiling.leastCost( target, kernel );
			assertTrue( least > 0 && least <= tiling.cost(), "the bound holds for " + target );
			final int[] main = new int[ tiling.axes.length ];
			for ( int j = 0; j < main.length; j++ )
				main[ j ] = kernelDims[ tiling.axes[ j ] ] + RANDOM.nextInt( 300 );
			assertTrue( least <= FftTiling.withMainSizes( target, kernel, main ).cost(),
					"the bound holds for any main sizes " + java.util.Arrays.toString( main ) );
			final int[] covered = new int[ ( int ) size( dims ) ];
			final List< List< Interval > > byShape = tiling.tilesByShape();
			for ( int shape = 0; shape < tiling.shapes(); shape++ )
			{
				assertEquals( tiling.count( shape ), byShape.get( shape ).size() );
				if ( byShape.get( shape ).isEmpty() )
					continue;
				final TilePlan plan = tiling.plan( shape );
				for ( final Interval tile : byShape.get( shape ) )
				{
					for ( int j = 0; j < tiling.axes.length; j++ )
					{
						final int d = tiling.axes[ j ];
						final long input = tile.dimension( d ) + kernelDims[ d ] - 1;
						assertTrue( input <= plan.size[ j ], "the input of " + tile
								+ " fits its transform" );
						assertTrue( tile.dimension( d ) <= plan.outputs[ j ] );
						if ( ( shape & 1 << j ) != 0 )
							assertEquals( smallestFastSize( input ), plan.size[ j ],
									"the last tile's transform is the smallest that holds it" );
					}
					for ( int d = 0; d < n; d++ )
						if ( kernelDims[ d ] == 1 )
							assertEquals( 1, tile.dimension( d ) );
					mark( covered, tile, min, dims );
				}
			}
			for ( int i = 0; i < covered.length; i++ )
				assertEquals( 1, covered[ i ], "output " + i + " lies in one tile" );
		}
	}

	/** 700 outputs of a 25-tap kernel: tiles of every shape, in every mode. */
	@Test
	void tilesOfSeveralShapesMeetWithoutSeams()
	{
		final long[] dims = { 700, 230 };
		final int[] kernelDims = { 25, 9 };
		final double[] input = RANDOM.doubles( dims[ 0 ] * dims[ 1 ], -3, 3 ).toArray();
		final double[] weights = RANDOM.doubles( 25 * 9, -1, 1 ).toArray();
		final Kernel kernel = Kernel.of( weights, kernelDims );
		final FftTiling tiling = FftTiling.of( new FinalInterval( dims ), kernel );
		int shapes = 0;
		for ( int shape = 0; shape < tiling.shapes(); shape++ )
			shapes += tiling.count( shape ) > 0 ? 1 : 0;
		assertEquals( 4, shapes, "the case has tiles of all four shapes" );
		final RandomAccessibleInterval< DoubleType > source = ArrayImgs.doubles( input, dims );
		for ( final Boundary mode : Boundary.values() )
		{
			final Boundary[] modes = { mode, mode };
			final int[] centre = { 12, 4 };
			final double[] expected = BruteForce.filter( input, dims, weights, kernelDims,
					centre, modes, 0, false, OutputSize.SAME ).values;
			final double scale = TestImages.max( BruteForce.filter( TestImages
					.finiteMagnitudes( input ), dims, TestImages.finiteMagnitudes( weights ),
					kernelDims, centre, modes, 0, false, OutputSize.SAME ).values );
			final LinearFilter filter = LinearFilter.correlate( kernel ).boundary( mode ).method(
					Method.FFT );
			assertNull( TestImages.compareFloat( expected, TestImages.values( filter.apply(
					source ) ), 1e-5 * scale ), mode.toString() );
		}
	}

	/** @return the least size at or above {@code length} of the form 2^a, 3 x 2^a or 5 x 2^a */
	private static long smallestFastSize( final long length )
	{
		for ( long m = length;; m++ )
		{
			long odd = m;
			while ( odd % 2 == 0 )
				odd /= 2;
			if ( odd == 1 || odd == 3 || odd == 5 )
				return m;
		}
	}

	private static void mark( final int[] covered, final Interval tile, final long[] min,
			final long[] dims )
	{
		final int n = min.length;
		final long[] p = tile.minAsLongArray();
		while ( true )
		{
			int index = 0;
			for ( int d = n - 1; d >= 0; d-- )
				index = ( int ) ( index * dims[ d ] + p[ d ] - min[ d ] );
			covered[ index ]++;
			int d = 0;
			for ( ; d < n; d++ )
			{
				if ( ++p[ d ] <= tile.max( d ) )
					break;
				p[ d ] = tile.min( d );
			}
			if ( d == n )
				return;
		}
	}

	private static long size( final long[] dims )
	{
		long s = 1;
		for ( final long d : dims )
			s *= d;
		return s;
	}

	private static int size( final int[] dims )
	{
		int s = 1;
		for ( final int d : dims )
			s *= d;
		return s;
	}

	private static long[] concat( final long[] a, final long[] b )
	{
		final long[] c = new long[ a.length + b.length ];
		System.arraycopy( a, 0, c, 0, a.length );
		System.arraycopy( b, 0, c, a.length, b.length );
		return c;
	}
}
