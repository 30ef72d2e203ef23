package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * The places where boundary handling breaks first: axes of one or two
 * samples, kernels many times wider than the image (so positions fold again
 * and again), and an image of a single pixel.
 */
class EdgeCasesTest
{
	private static final Boundary[] MODES = Boundary.values();

	private static final double CONSTANT = 9;

	/**
	 * The extension of {@code 1 2 3 4} for positions -4 to 7, exactly as the
	 * table of the specification draws it.
	 */
	@Test
	void extensionOfFourSamplesMatchesTheSpecificationTable()
	{
		final double[][] table = {
				{ 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0 }, // zero
				{ 9, 9, 9, 9, 1, 2, 3, 4, 9, 9, 9, 9 }, // constant
				{ 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4 }, // replicate
				{ 4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1 }, // symmetric
				{ 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2 }, // mirror
				{ 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4 } }; // periodic
		for ( final Boundary mode : MODES )
			for ( int p = -4; p <= 7; p++ )
			{
				// An impulse at tap p, read at output 0, shows the extension at position p.
				final double[] w = new double[ 12 ];
				w[ p + 4 ] = 1;
				final LinearFilter f = LinearFilter.correlate( Kernel.line( w ).withCentre( 4 ) )
						.boundary( BoundaryConditions.perAxis( CONSTANT, mode ) );
				final double[] out = TestImages.values( f.applyAsDouble(
						ArrayImgs.doubles( new double[] { 1, 2, 3, 4 }, 4 ) ) );
				assertEquals( table[ mode.ordinal() ][ p + 4 ], out[ 0 ], mode + " at " + p );
			}
	}

	/** The extension repeats with period 2n, 2n - 2 and n, however far out. */
	@Test
	void kernelsMuchWiderThanTheImageFoldWithTheRightPeriod()
	{
		final Random r = new Random( 7 );
		for ( int n = 1; n <= 5; n++ )
		{
			final double[] line = r.doubles( n, -5, 5 ).toArray();
			for ( final Boundary mode : new Boundary[] { Boundary.SYMMETRIC, Boundary.MIRROR,
					Boundary.PERIODIC } )
			{
				// NB: mirror on one sample repeats it, a period of 1.
				final int period = mode == Boundary.SYMMETRIC ? 2 * n
						: mode == Boundary.MIRROR ? Math.max( 1, 2 * n - 2 ) : n;
				for ( int p = -6 * n; p <= 6 * n; p++ )
				{
					final double at = impulseResponse( line, mode, p )[ 0 ];
					assertEquals( at, impulseResponse( line, mode, p + period )[ 0 ],
							mode + " n=" + n + " p=" + p );
					assertEquals( at, impulseResponse( line, mode, p - 7 * period )[ 0 ],
							mode + " n=" + n + " p=" + p + " seven periods back" );
				}
			}
		}
	}

	/** Output 0 of a correlation with an impulse at tap offset {@code p}. */
	private static double[] impulseResponse( final double[] line, final Boundary mode,
			final int p )
	{
		final int reach = Math.abs( p );
		final double[] w = new double[ 2 * reach + 1 ];
		w[ reach + p ] = 1;
		return TestImages.values( LinearFilter.correlate( Kernel.line( w ) ).boundary( mode )
				.applyAsDouble( ArrayImgs.doubles( line.clone(), line.length ) ) );
	}

	@Test
	void wideKernelsAgreeWithBruteForceInEveryMode()
	{
		final Random r = new Random( 11 );
		for ( final Boundary mode : MODES )
			for ( final long[] dims : new long[][] { { 3 }, { 1 }, { 2 }, { 3, 2 }, { 2, 1, 2 } } )
				for ( final int size : new int[] { 9, 14, 25 } )
				{
					final int[] kernelDims = new int[ dims.length ];
					Arrays.fill( kernelDims, dims.length == 1 ? size : size / 4 + 1 );
					assertAgreesWithBruteForce( r, dims, kernelDims, mode );
				}
	}

	@Test
	void axesOfOneAndTwoSamplesInEveryMode()
	{
		final Random r = new Random( 13 );
		final long[][] shapes = { { 1 }, { 2 }, { 1, 1 }, { 1, 2 }, { 2, 1 }, { 2, 2 }, { 7, 1 },
				{ 1, 7 }, { 2, 5 }, { 5, 2 }, { 2, 1, 3 }, { 1, 2, 1, 2 } };
		for ( final Boundary mode : MODES )
			for ( final long[] dims : shapes )
				for ( int k = 1; k <= 5; k++ )
				{
					final int[] kernelDims = new int[ dims.length ];
					for ( int d = 0; d < dims.length; d++ )
						kernelDims[ d ] = d == 0 ? k : 1 + ( k + d ) % 4;
					assertAgreesWithBruteForce( r, dims, kernelDims, mode );
				}
	}

	/**
	 * A single pixel {@code v}: every folding mode sees {@code v} everywhere,
	 * so the result is {@code v * sum(w)}; the constant modes see {@code v}
	 * only under the centre.
	 */
	@Test
	void onePixelImage()
	{
		final double v = 2.5;
		final double[] w = { 1, -2, 4, 0.5, 3, -1, 2, 7, -3, 1.5, 6, 0.25 };
		final double sum = Arrays.stream( w ).sum();
		for ( final int[] shape : new int[][] { { 3, 4 }, { 4, 3 }, { 2, 6 }, { 12, 1 } } )
			for ( final Operation op : Operation.values() )
			{
				final Kernel kernel = Kernel.of( w, shape );
				final int centreIndex = centreIndex( op.asCorrelation( kernel ) );
				final double centreWeight = op.asCorrelation( kernel ).weight( centreIndex );
				for ( final Boundary mode : MODES )
				{
					final double expected = mode == Boundary.ZERO ? v * centreWeight
							: mode == Boundary.CONSTANT
									? v * centreWeight + CONSTANT * ( sum - centreWeight )
									: v * sum;
					final RandomAccessibleInterval< DoubleType > out = LinearFilter
							.of( op, kernel )
							.boundary( BoundaryConditions.perAxis( CONSTANT, mode ) )
							.applyAsDouble( ArrayImgs.doubles( new double[] { v }, 1, 1 ) );
					assertArrayEquals( new long[] { 1, 1 }, out.dimensionsAsLongArray() );
					assertEquals( expected, TestImages.values( out )[ 0 ], 1e-12,
							op + " " + mode + " " + Kernel.shape( shape ) );
				}
			}
	}

	/**
	 * An integer output has no NaN: it holds 0 there, and infinities and
	 * values beyond its range saturate; halves round away from zero.
	 */
	@Test
	void nonFiniteAndOutOfRangeValuesIntoIntegerOutputs()
	{
		final double[] values = { Double.NaN, Double.POSITIVE_INFINITY,
				Double.NEGATIVE_INFINITY, 2.5, -2.5, 1e10, -1e10, 0.49, -0.5 };
		final RandomAccessibleInterval< DoubleType > image = ArrayImgs.doubles( values,
				values.length );
		final LinearFilter identity = LinearFilter.correlate( Kernel.line( 1 ) );
		assertArrayEquals( new double[] { 0, 32767, -32768, 3, -3, 32767, -32768, 0, -1 },
				TestImages.values( identity.applyAs( image, new ShortType() ) ) );
		assertArrayEquals( new double[] { 0, 255, 0, 3, 0, 255, 0, 0, 0 },
				TestImages.values( identity.applyAs( image, new UnsignedByteType() ) ) );
	}

	/**
	 * A NaN spoils exactly the outputs whose window covers it, also under a
	 * zero weight (0 x NaN is NaN), and no other output.
	 */
	@Test
	void nanSpoilsExactlyTheWindowsThatCoverIt()
	{
		final double nan = Double.NaN;
		final double[] line = { 1, nan, 3, 4, 5, 6, 7, 8 };
		final double[][] rows = new double[ 6 ][];
		for ( int y = 0; y < rows.length; y++ )
			rows[ y ] = y == 4 ? line : new double[] { 1, 2, 3, 4, 5, 6, 7, 8 };
		final double[] image = Arrays.stream( rows ).flatMapToDouble( Arrays::stream ).toArray();
		for ( final Method method : Method.values() )
		{
			final double[] out = TestImages.values( LinearFilter.correlate(
					Kernel.line( 1, 0, 1 ) ).boundary( Boundary.ZERO ).method( method )
					.applyAsDouble( ArrayImgs.doubles( image.clone(), 8, 6 ) ) );
			for ( int y = 0; y < 6; y++ )
			{
				final double[] expected = y == 4 ? new double[] { nan, nan, nan, 8, 10, 12, 14, 7 }
						: new double[] { 2, 4, 6, 8, 10, 12, 14, 7 };
				// NB: the delta is the promised 1e-5 x scale (at most 8 + 6 here), which lets
				// the float transforms round; NaN must still meet NaN exactly.
				assertArrayEquals( expected, Arrays.copyOfRange( out, 8 * y, 8 * y + 8 ),
						1e-5 * 14, method + " row " + y );
			}
		}
	}

	/** The weight index of the centre of a kernel, x fastest. */
	private static int centreIndex( final Kernel k )
	{
		int index = 0, stride = 1;
		for ( int d = 0; d < k.numDimensions(); d++ )
		{
			index += k.centre( d ) * stride;
			stride *= k.dimension( d );
		}
		return index;
	}

	/**
	 * Both operations, every output size that is not empty, random centres;
	 * result and reference must agree within the specified precision.
	 */
	private static void assertAgreesWithBruteForce( final Random r, final long[] dims,
			final int[] kernelDims, final Boundary mode )
	{
		final int n = dims.length;
		final double[] input = r.doubles( ( int ) Arrays.stream( dims ).reduce( 1,
				( a, b ) -> a * b ), -10, 10 ).toArray();
		final double[] weights = r.doubles( Arrays.stream( kernelDims ).reduce( 1,
				( a, b ) -> a * b ), -1, 1 ).toArray();
		final int[] centre = new int[ n ];
		for ( int d = 0; d < n; d++ )
			centre[ d ] = r.nextBoolean() ? kernelDims[ d ] / 2 : r.nextInt( kernelDims[ d ] );
		final Boundary[] modes = new Boundary[ n ];
		Arrays.fill( modes, mode );
		for ( final Operation op : Operation.values() )
			for ( final OutputSize size : OutputSize.values() )
			{
				boolean empty = false;
				for ( int d = 0; d < n; d++ )
					empty |= size == OutputSize.VALID && kernelDims[ d ] > dims[ d ];
				if ( empty )
					continue;
				final BruteForce.Result ref = BruteForce.filter( input, dims, weights, kernelDims,
						centre, modes, CONSTANT, op == Operation.CONVOLVE, size );
				final double scale = TestImages.max( BruteForce.filter(
						TestImages.finiteMagnitudes( input ), dims,
						TestImages.finiteMagnitudes( weights ), kernelDims, centre, modes,
						CONSTANT, op == Operation.CONVOLVE, size ).values );
				for ( final Method method : Method.values() )
				{
					final String what = op + " " + mode + " " + size + " " + method + " image "
							+ Arrays.toString( dims ) + " kernel " + Kernel.shape( kernelDims )
							+ " centre " + Arrays.toString( centre );
					final double[] source = input.clone();
					final RandomAccessibleInterval< DoubleType > out = LinearFilter
							.of( op, Kernel.of( weights, kernelDims ).withCentre( centre ) )
							.boundary( BoundaryConditions.perAxis( CONSTANT, mode ) )
							.outputSize( size ).method( method )
							.applyAsDouble( ArrayImgs.doubles( source, dims ) );
					assertArrayEquals( ref.min, out.minAsLongArray(), what );
					assertArrayEquals( ref.dims, out.dimensionsAsLongArray(), what );
					assertNull( TestImages.compareFloat( ref.values, TestImages.values( out ),
							1e-5 * scale ), what );
					assertArrayEquals( input, source, "the source must not change" );
				}
			}
	}
}
