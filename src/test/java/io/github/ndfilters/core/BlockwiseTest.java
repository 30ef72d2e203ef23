package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * {@link LinearFilter#applyTo} on parts of the output: blocks computed one by
 * one must give the whole result, and a target beyond the output interval
 * must still hold the defined sums there.
 */
class BlockwiseTest
{
	private static final Random RANDOM = new Random( 17 );

	@Test
	void quadrantsGiveTheWholeResult()
	{
		final RandomAccessibleInterval< DoubleType > source = Views.translate(
				ArrayImgs.doubles( RANDOM.doubles( 13 * 11, -4, 4 ).toArray(), 13, 11 ), 5, -3 );
		final double[] sourceBefore = TestImages.values( source );
		final Kernel kernel = Kernel.of( RANDOM.doubles( 12, -1, 1 ).toArray(), 4, 3 );
		for ( final OutputSize size : OutputSize.values() )
			for ( final Boundary mode : Boundary.values() )
				for ( final Method method : Method.values() )
				{
					final LinearFilter f = LinearFilter.convolve( kernel ).outputSize( size )
							.boundary( BoundaryConditions.perAxis( -2, mode ) ).method( method );
					final RandomAccessibleInterval< DoubleType > whole = f.applyAsDouble( source );
					final RandomAccessibleInterval< DoubleType > target = Views.translate(
							ArrayImgs.doubles( whole.dimensionsAsLongArray() ),
							whole.minAsLongArray() );
					// Four quadrants of unequal size, cut away from the middle.
					final long cx = whole.min( 0 ) + whole.dimension( 0 ) / 3;
					final long cy = whole.min( 1 ) + whole.dimension( 1 ) * 2 / 3;
					for ( final Interval block : new Interval[] {
							Intervals.createMinMax( whole.min( 0 ), whole.min( 1 ), cx, cy ),
							Intervals.createMinMax( cx + 1, whole.min( 1 ), whole.max( 0 ), cy ),
							Intervals.createMinMax( whole.min( 0 ), cy + 1, cx, whole.max( 1 ) ),
							Intervals.createMinMax( cx + 1, cy + 1, whole.max( 0 ),
									whole.max( 1 ) ) } )
						f.applyTo( source, Views.interval( target, block ) );
					assertSame( method, TestImages.values( whole ), TestImages.values( target ),
							size + " " + mode + " " + method );
					assertArrayEquals( sourceBefore, TestImages.values( source ) );
				}
	}

	@Test
	void threeDimensionalBlocksOfEverySize()
	{
		final long[] dims = { 7, 6, 5 };
		final RandomAccessibleInterval< DoubleType > source = ArrayImgs.doubles(
				RANDOM.doubles( 7 * 6 * 5, -4, 4 ).toArray(), dims );
		final Kernel kernel = Kernel.of( RANDOM.doubles( 2 * 3 * 2, -1, 1 ).toArray(), 2, 3, 2 )
				.withCentre( 0, 2, 1 );
		for ( final Method method : Method.values() )
		{
			final LinearFilter f = LinearFilter.correlate( kernel ).boundary( Boundary.MIRROR )
					.method( method );
			final double[] whole = TestImages.values( f.applyAsDouble( source ) );
			for ( final int step : new int[] { 1, 2, 3, 4 } )
			{
				final RandomAccessibleInterval< DoubleType > target = ArrayImgs.doubles( dims );
				for ( long z = 0; z < dims[ 2 ]; z += step )
					for ( long y = 0; y < dims[ 1 ]; y += step )
						for ( long x = 0; x < dims[ 0 ]; x += step )
						{
							final Interval block = Intervals.intersect( target,
									Intervals.createMinSize( x, y, z, step, step, step ) );
							f.applyTo( source, Views.interval( target, block ) );
						}
				assertSame( method, whole, TestImages.values( target ),
						"blocks of " + step + " " + method );
			}
		}
	}

	/**
	 * A target shifted by {@code s} along x holds output positions
	 * {@code i + s}: in the reference, that is the kernel with its centre
	 * moved by {@code s} (by {@code -s} for convolution).
	 */
	@Test
	void targetBeyondTheOutputInterval()
	{
		final long[] dims = { 9, 4 };
		final double[] input = RANDOM.doubles( 9 * 4, -4, 4 ).toArray();
		final int[] kernelDims = { 3, 2 };
		final double[] weights = RANDOM.doubles( 6, -1, 1 ).toArray();
		for ( final Operation op : Operation.values() )
			for ( final Boundary mode : Boundary.values() )
				for ( final long shift : new long[] { -30, -9, -2, 0, 5, 9, 23 } )
					for ( final Method method : Method.values() )
					{
						final int sign = op == Operation.CONVOLVE ? 1 : -1;
						final Boundary[] modes = { mode, mode };
						final BruteForce.Result ref = BruteForce.filter( input, dims, weights,
								kernelDims, new int[] { 1 + sign * ( int ) shift, 1 }, modes, 3,
								op == Operation.CONVOLVE, OutputSize.SAME );
						final double scale = TestImages.max( BruteForce.filter(
								TestImages.finiteMagnitudes( input ), dims,
								TestImages.finiteMagnitudes( weights ), kernelDims,
								new int[] { 1 + sign * ( int ) shift, 1 }, modes, 3,
								op == Operation.CONVOLVE, OutputSize.SAME ).values );

						final RandomAccessibleInterval< DoubleType > target = Views.translate(
								ArrayImgs.doubles( dims ), shift, 0 );
						LinearFilter.of( op, Kernel.of( weights, kernelDims ) )
								.boundary( BoundaryConditions.perAxis( 3, mode ) ).method( method )
								.applyTo( ArrayImgs.doubles( input.clone(), dims ), target );
						assertNull( TestImages.compareFloat( ref.values,
								TestImages.values( target ), 1e-5 * scale ),
								op + " " + mode + " shift " + shift + " " + method );
					}
	}

	/**
	 * A float source is read through its array; a block wholly beyond it
	 * along x reads no sample at all. Worked by hand: zero edges give 0, and
	 * edges of 2 give 2 x (1 + 2 + 3) = 12.
	 */
	@Test
	void targetWhollyBeyondAFloatSourceAlongX()
	{
		final double[] line = { 1, 2, 3 };
		for ( final Method method : Method.values() )
		{
			final RandomAccessibleInterval< DoubleType > zero = Views.translate( ArrayImgs
					.doubles( 10 ), 100 );
			LinearFilter.correlate( Kernel.of( line, 3 ) ).boundary( Boundary.ZERO ).method(
					method ).applyTo( ArrayImgs.floats( 10 ), zero );
			assertArrayEquals( new double[ 10 ], TestImages.values( zero ), method.toString() );
			final RandomAccessibleInterval< DoubleType > two = Views.translate( ArrayImgs
					.doubles( 6, 3 ), -40, 0 );
			LinearFilter.correlate( Kernel.of( line, 3, 1 ) ).boundary( 2 ).method( method )
					.applyTo( ArrayImgs.floats( new float[] { 5, 6, 7, 8, 9, 10 }, 2, 3 ), two );
			final double[] twelves = new double[ 18 ];
			java.util.Arrays.fill( twelves, 12 );
			assertArrayEquals( twelves, TestImages.values( two ), method.toString() );
		}
	}

	/** Tiles of a float source partly and wholly beyond it along x, in every mode. */
	@Test
	void targetBeyondAFloatSource()
	{
		final long[] dims = { 20, 20 };
		final float[] samples = new float[ 400 ];
		final double[] input = new double[ 400 ];
		for ( int i = 0; i < 400; i++ )
			input[ i ] = samples[ i ] = ( float ) ( RANDOM.nextDouble() * 8 - 4 );
		final int[] kernelDims = { 5, 5 };
		final double[] weights = RANDOM.doubles( 25, -1, 1 ).toArray();
		for ( final Boundary mode : Boundary.values() )
			for ( final long shift : new long[] { -30, -12, 7 } )
				for ( final Method method : Method.values() )
				{
					final Boundary[] modes = { mode, mode };
					final int[] centre = { 2 - ( int ) shift, 2 };
					final BruteForce.Result ref = BruteForce.filter( input, dims, weights,
							kernelDims, centre, modes, 0, false, OutputSize.SAME );
					final double scale = TestImages.max( BruteForce.filter( TestImages
							.finiteMagnitudes( input ), dims, TestImages.finiteMagnitudes(
									weights ), kernelDims, centre, modes, 0, false,
							OutputSize.SAME ).values );
					final RandomAccessibleInterval< DoubleType > target = Views.translate(
							ArrayImgs.doubles( dims ), shift, 0 );
					LinearFilter.correlate( Kernel.of( weights, kernelDims ) ).boundary( mode )
							.method( method ).applyTo( ArrayImgs.floats( samples.clone(), dims ),
									target );
					assertNull( TestImages.compareFloat( ref.values, TestImages.values( target ),
							1e-5 * scale + 1e-30 ), mode + " shift " + shift + " " + method );
				}
	}

	@Test
	void anEmptyTargetIsLeftAsItIs()
	{
		for ( final Method method : Method.values() )
			LinearFilter.correlate( Kernel.of( new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 3, 3 ) )
					.method( method ).applyTo( ArrayImgs.floats( 8, 8 ), Views.interval(
							ArrayImgs.floats( 8, 8 ), new long[] { 3, 0 }, new long[] { 2, 7 } ) );
	}

	@Test
	void targetLargerThanTheOutputOnEverySide()
	{
		final RandomAccessibleInterval< DoubleType > source = ArrayImgs.doubles(
				RANDOM.doubles( 6 * 5, -4, 4 ).toArray(), 6, 5 );
		final Kernel kernel = Kernel.of( RANDOM.doubles( 9, -1, 1 ).toArray(), 3, 3 );
		final LinearFilter f = LinearFilter.correlate( kernel ).boundary( Boundary.ZERO )
				.outputSize( OutputSize.FULL );
		final RandomAccessibleInterval< DoubleType > full = f.applyAsDouble( source );
		final FinalInterval bigger = Intervals.expand( full, 3 );
		final RandomAccessibleInterval< DoubleType > target = Views.translate(
				ArrayImgs.doubles( bigger.dimensionsAsLongArray() ), bigger.minAsLongArray() );
		f.applyTo( source, target );
		// Inside: the full result; outside the full interval the kernel misses the image.
		assertArrayEquals( TestImages.values( full ),
				TestImages.values( Views.interval( target, full ) ) );
		int nonzero = 0;
		for ( final DoubleType t : Views.iterable( target ) )
			nonzero += t.get() != 0 ? 1 : 0;
		int nonzeroInside = 0;
		for ( final DoubleType t : Views.iterable( full ) )
			nonzeroInside += t.get() != 0 ? 1 : 0;
		assertArrayEquals( new int[] { nonzeroInside }, new int[] { nonzero },
				"samples beyond the full interval must be 0" );
	}

	private static void assertSame( final Method method, final double[] expected,
			final double[] actual, final String what )
	{
		if ( method == Method.DIRECT )
			assertArrayEquals( expected, actual, what );
		else
		{
			double scale = 0;
			for ( final double v : expected )
				scale = Math.max( scale, Math.abs( v ) );
			assertNull( TestImages.compareFloat( expected, actual, 1e-6 * scale + 1e-12 ), what );
		}
	}
}
