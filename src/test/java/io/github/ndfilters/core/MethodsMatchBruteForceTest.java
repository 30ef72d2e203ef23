package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Every computing method against {@link BruteForce}, over every boundary mode,
 * output size, operation, odd and even kernels, kernels wider than the image
 * and inputs holding NaN, within the promised precision: 1e-5 of the largest
 * sum of |input| x |weight| an output can reach.
 */
class MethodsMatchBruteForceTest
{
	private static final Method[] METHODS = Method.values();

	private static final Boundary[] MODES = Boundary.values();

	private final Random random = new Random( 42 );

	@Test
	void lines()
	{
		for ( final int taps : new int[] { 1, 2, 3, 4, 7, 12 } )
			for ( final long length : new long[] { 1, 2, 5, 40 } )
				checkAllModes( new long[] { length }, new int[] { taps }, false, false );
	}

	@Test
	void planesWithOddEvenAndSeparableKernels()
	{
		for ( final int[] k : new int[][] { { 3, 3 }, { 2, 4 }, { 5, 1 }, { 1, 6 }, { 7, 7 } } )
		{
			checkAllModes( new long[] { 23, 17 }, k, false, false );
			checkAllModes( new long[] { 23, 17 }, k, true, false );
		}
	}

	@Test
	void kernelsWiderThanTheImage()
	{
		checkAllModes( new long[] { 3, 2 }, new int[] { 8, 5 }, false, false );
		checkAllModes( new long[] { 1, 4 }, new int[] { 3, 9 }, true, false );
	}

	@Test
	void volumes()
	{
		for ( final int[] k : new int[][] { { 3, 3, 3 }, { 2, 3, 4 }, { 5, 1, 3 } } )
		{
			checkAllModes( new long[] { 13, 9, 7 }, k, false, false );
			checkAllModes( new long[] { 13, 9, 7 }, k, true, false );
		}
	}

	@Test
	void fourAxes()
	{
		checkAllModes( new long[] { 6, 5, 4, 3 }, new int[] { 3, 2, 2, 3 }, false, false );
		checkAllModes( new long[] { 6, 5, 4, 3 }, new int[] { 3, 2, 2, 3 }, true, false );
	}

	@Test
	void nanSpoilsExactlyTheWindowsCoveringIt()
	{
		checkAllModes( new long[] { 23, 17 }, new int[] { 3, 4 }, false, true );
		checkAllModes( new long[] { 23, 17 }, new int[] { 5, 3 }, true, true );
		checkAllModes( new long[] { 11, 9, 6 }, new int[] { 3, 3, 2 }, true, true );
	}

	/** Large enough for many slabs, FFT tiles and separable passes; NaN in one tile. */
	@Test
	void largerImagesSpanManyTiles()
	{
		final long[] dims = { 190, 150 };
		final double[] input = randomValues( dims, false );
		input[ 150 * 190 / 2 + 70 ] = Double.NaN;
		for ( final boolean separable : new boolean[] { false, true } )
		{
			final Kernel kernel = randomKernel( new int[] { 9, 8 }, separable );
			check( input, dims, kernel, new Boundary[] { Boundary.SYMMETRIC, Boundary.PERIODIC },
					0, true, OutputSize.SAME );
			check( input, dims, kernel, new Boundary[] { Boundary.CONSTANT, Boundary.MIRROR },
					-4, false, OutputSize.FULL );
		}
		final long[] dims3 = { 40, 36, 30 };
		final double[] volume = randomValues( dims3, true );
		check( volume, dims3, randomKernel( new int[] { 5, 6, 7 }, false ), new Boundary[] {
				Boundary.REPLICATE, Boundary.ZERO, Boundary.SYMMETRIC }, 0, true,
				OutputSize.VALID );
	}

	@Test
	void mixedModesPerAxis()
	{
		final long[] dims = { 19, 14, 5 };
		final double[] input = randomValues( dims, false );
		for ( final boolean separable : new boolean[] { false, true } )
		{
			final Kernel kernel = randomKernel( new int[] { 4, 3, 3 }, separable );
			check( input, dims, kernel, new Boundary[] { Boundary.CONSTANT, Boundary.ZERO,
					Boundary.PERIODIC }, 2.5, true, OutputSize.FULL );
			check( input, dims, kernel, new Boundary[] { Boundary.MIRROR, Boundary.CONSTANT,
					Boundary.ZERO }, -1.5, false, OutputSize.SAME );
			check( input, dims, kernel, new Boundary[] { Boundary.ZERO, Boundary.SYMMETRIC,
					Boundary.CONSTANT }, 3, false, OutputSize.FULL );
		}
	}

	/**
	 * The precision contract with long sums of one sign, where float rounding
	 * piles up fastest: large kernels, positive inputs spanning several
	 * decades.
	 */
	@Test
	void longSumsStayWithinThePrecisionContract()
	{
		final long[] dims2 = { 70, 60 };
		final double[] image2 = positiveValues( dims2 );
		final Kernel big2 = positiveKernel( 45, 45 );
		check( image2, dims2, big2, new Boundary[] { Boundary.SYMMETRIC, Boundary.SYMMETRIC }, 0,
				false, OutputSize.SAME );
		final long[] dims3 = { 30, 26, 24 };
		final double[] image3 = positiveValues( dims3 );
		final Kernel big3 = positiveKernel( 17, 17, 17 );
		check( image3, dims3, big3, new Boundary[] { Boundary.REPLICATE, Boundary.REPLICATE,
				Boundary.REPLICATE }, 0, true, OutputSize.SAME );
		final long[] dims1 = { 6000 };
		check( positiveValues( dims1 ), dims1, positiveKernel( 4001 ),
				new Boundary[] { Boundary.PERIODIC }, 0, false, OutputSize.SAME );
	}

	@Test
	void integerOutputIsRoundedLikeTheReference()
	{
		final long[] dims = { 31, 29 };
		final double[] input = new double[ 31 * 29 ];
		for ( int i = 0; i < input.length; i++ )
			input[ i ] = random.nextInt( 60000 );
		final Kernel kernel = Kernel.of( new double[] { 0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5,
				0.25 }, 3, 3 );
		final BruteForce.Result expected = BruteForce.filter( input, dims, kernel.weights(),
				kernel.dimensions(), kernel.centre(), new Boundary[] { Boundary.MIRROR,
						Boundary.MIRROR }, 0, false, OutputSize.SAME );
		for ( final Method method : METHODS )
		{
			final RandomAccessibleInterval< UnsignedShortType > out = LinearFilter.correlate(
					kernel ).boundary( Boundary.MIRROR ).method( method ).applyKeepingType(
							ArrayImgs.unsignedShorts( toShorts( input ), dims ) );
			final double[] actual = flat( out );
			for ( int i = 0; i < actual.length; i++ )
			{
				final double exact = expected.values[ i ];
				final double e = Math.min( 65535, Math.floor( exact + 0.5 ) );
				// NB: at a tie (x.5) a sum off by a rounding error may go either way.
				final boolean tie = Math.abs( exact - Math.floor( exact ) - 0.5 ) < 1e-3;
				assertEquals( e, actual[ i ], tie && e < 65535 ? 1 : 0, method + " at " + i );
			}
		}
	}

	private void checkAllModes( final long[] dims, final int[] kernelDims,
			final boolean separable, final boolean withNaN )
	{
		final double[] input = randomValues( dims, withNaN );
		final Kernel kernel = randomKernel( kernelDims, separable );
		for ( final Boundary mode : MODES )
		{
			final Boundary[] modes = new Boundary[ dims.length ];
			java.util.Arrays.fill( modes, mode );
			for ( final OutputSize size : OutputSize.values() )
				for ( final boolean convolve : new boolean[] { false, true } )
				{
					if ( size == OutputSize.VALID && tooSmallForValid( dims, kernelDims ) )
						continue;
					check( input, dims, kernel, modes, 1.75, convolve, size );
				}
		}
	}

	private static boolean tooSmallForValid( final long[] dims, final int[] kernelDims )
	{
		for ( int d = 0; d < dims.length; d++ )
			if ( kernelDims[ d ] > dims[ d ] )
				return true;
		return false;
	}

	private static void check( final double[] input, final long[] dims, final Kernel kernel,
			final Boundary[] modes, final double value, final boolean convolve,
			final OutputSize size )
	{
		final BruteForce.Result expected = BruteForce.filter( input, dims, kernel.weights(),
				kernel.dimensions(), kernel.centre(), modes, value, convolve, size );
		final double scale = maxAbs( input, value ) * kernel.absoluteSum();
		final RandomAccessibleInterval< FloatType > image = ArrayImgs.floats( toFloats( input ),
				dims );
		for ( final Method method : METHODS )
		{
			final LinearFilter filter = LinearFilter.of( convolve ? Operation.CONVOLVE
					: Operation.CORRELATE, kernel ).boundary( BoundaryConditions.perAxis( value,
							modes ) ).outputSize( size ).method( method );
			final RandomAccessibleInterval< FloatType > out = filter.apply( image );
			final String what = method + " " + kernel + " on " + java.util.Arrays.toString( dims )
					+ " " + java.util.Arrays.toString( modes ) + " " + size
					+ ( convolve ? " convolve" : " correlate" );
			for ( int d = 0; d < dims.length; d++ )
			{
				assertEquals( expected.min[ d ], out.min( d ), what + ": min on axis " + d );
				assertEquals( expected.dims[ d ], out.dimension( d ), what + ": size on axis "
						+ d );
			}
			final double[] actual = flat( out );
			for ( int i = 0; i < actual.length; i++ )
			{
				final double e = expected.values[ i ];
				if ( Double.isNaN( e ) != Double.isNaN( actual[ i ] ) )
					fail( what + ": NaN mismatch at " + i + ", expected " + e + " got "
							+ actual[ i ] );
				if ( !Double.isNaN( e ) && Math.abs( e - actual[ i ] ) > 1e-5 * scale )
					fail( what + ": at " + i + " expected " + e + " got " + actual[ i ]
							+ ", error " + Math.abs( e - actual[ i ] ) / scale + " of scale" );
			}
		}
	}

	private double[] randomValues( final long[] dims, final boolean withNaN )
	{
		final double[] v = new double[ count( dims ) ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = random.nextInt( 201 ) / 8.0 - 12.5;
		if ( withNaN )
		{
			v[ v.length / 3 ] = Double.NaN;
			v[ v.length - 1 ] = Double.NaN;
		}
		return v;
	}

	private double[] positiveValues( final long[] dims )
	{
		final double[] v = new double[ count( dims ) ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = Math.pow( 10, 3 * random.nextDouble() ) * ( 1 + random.nextFloat() );
		return v;
	}

	private Kernel positiveKernel( final int... dims )
	{
		int size = 1;
		for ( final int d : dims )
			size *= d;
		final double[] w = new double[ size ];
		for ( int i = 0; i < size; i++ )
			w[ i ] = 0.5 + random.nextDouble();
		return Kernel.of( w, dims );
	}

	/**
	 * Weights that are small multiples of 1/4 (so exact in float), with some
	 * zeros; a separable kernel is an outer product of such lines.
	 */
	private Kernel randomKernel( final int[] dims, final boolean separable )
	{
		int size = 1;
		for ( final int d : dims )
			size *= d;
		final double[] w = new double[ size ];
		if ( !separable )
		{
			for ( int i = 0; i < size; i++ )
				w[ i ] = random.nextInt( 4 ) == 0 ? 0 : random.nextInt( 17 ) / 4.0 - 2;
			return Kernel.of( w, dims );
		}
		final double[][] factors = new double[ dims.length ][];
		for ( int d = 0; d < dims.length; d++ )
		{
			factors[ d ] = new double[ dims[ d ] ];
			for ( int i = 0; i < dims[ d ]; i++ )
				factors[ d ][ i ] = random.nextInt( 5 ) == 0 ? 0 : random.nextInt( 9 ) / 2.0 - 2;
			factors[ d ][ random.nextInt( dims[ d ] ) ] = 1.5;
		}
		final int[] k = new int[ dims.length ];
		for ( int i = 0; i < size; i++ )
		{
			double p = 1;
			for ( int d = 0; d < dims.length; d++ )
				p *= factors[ d ][ k[ d ] ];
			w[ i ] = p;
			for ( int d = 0; d < dims.length; d++ )
			{
				if ( ++k[ d ] < dims[ d ] )
					break;
				k[ d ] = 0;
			}
		}
		return Kernel.of( w, dims );
	}

	private static double maxAbs( final double[] v, final double value )
	{
		double m = Math.abs( value );
		for ( final double x : v )
			if ( !Double.isNaN( x ) )
				m = Math.max( m, Math.abs( x ) );
		return m;
	}

	private static int count( final long[] dims )
	{
		int c = 1;
		for ( final long d : dims )
			c *= ( int ) d;
		return c;
	}

	private static float[] toFloats( final double[] v )
	{
		final float[] f = new float[ v.length ];
		for ( int i = 0; i < v.length; i++ )
			f[ i ] = ( float ) v[ i ];
		return f;
	}

	private static short[] toShorts( final double[] v )
	{
		final short[] s = new short[ v.length ];
		for ( int i = 0; i < v.length; i++ )
			s[ i ] = ( short ) v[ i ];
		return s;
	}

	private static double[] flat( final RandomAccessibleInterval< ? extends RealType< ? > > img )
	{
		final double[] out = new double[ ( int ) Views.iterable( img ).size() ];
		int i = 0;
		for ( final RealType< ? > t : Views.flatIterable( img ) )
			out[ i++ ] = t.getRealDouble();
		assertTrue( i == out.length );
		return out;
	}
}
