package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Random cases, each reproducible from its number, in which every
 * {@link Method} must agree with {@link BruteForce}: 1 to 5 dimensions, odd
 * and even kernels with default or chosen centres, every boundary mode (also
 * mixed per axis, and a nonzero constant), every output size and type, every
 * pixel type, array, planar and cell storage, views whose min is not zero, and
 * NaN and infinite samples.
 * <p>
 * Float results must lie within {@code 1e-5 * scale} of the reference, with
 * {@code scale} the largest sum of |input| x |kernel| any output can reach,
 * and be NaN exactly where the reference is. Integer results must equal the
 * reference rounded half away from zero and saturated, except that a result
 * within that tolerance of a half may round either way: every method sums in
 * float, which is what the precision contract allows.
 * </p>
 */
class RandomAgreementTest
{
	private static final long SEED = 0x5eed_2026L;

	private static final int CASES = 1500;

	/** Upper bound on output pixels x kernel taps, to keep the reference quick. */
	private static final long WORK = 200_000;

	private enum View
	{
		NONE, TRANSLATED, PART_OF_LARGER
	}

	@TestFactory
	Stream< DynamicTest > everyMethodAgreesWithBruteForce()
	{
		return IntStream.range( 0, CASES ).mapToObj( i -> {
			final Case c = new Case( new Random( SEED + i ) );
			return DynamicTest.dynamicTest( "case " + i + ": " + c,
					() -> TestImages.withPixelType( c.pixelType, c ) );
		} );
	}

	/** One random case; its fields say everything needed to reproduce it. */
	private static final class Case implements TestImages.TypedAction
	{
		final int n;

		final long[] dims;

		final int[] kernelDims;

		/** Axes the kernel is given with (trailing axes of size 1 may be left off). */
		final int kernelAxes;

		final double[] weights;

		/** {@code null} for the default centre. */
		final int[] centre;

		final Boundary[] modes;

		final double value;

		/** Whether the single-mode shortcut {@code boundary( Boundary )} is used. */
		final boolean shortcut;

		final OutputSize outputSize;

		final Operation operation;

		final OutputType outputType;

		final int pixelType;

		final TestImages.Container container;

		final int[] cellSize;

		final View view;

		final long[] offset;

		final long[] padBefore;

		final long[] padAfter;

		final boolean wideRange;

		final boolean nonFinite;

		final long sampleSeed;

		Case( final Random r )
		{
			n = 1 + r.nextInt( 5 );
			final int maxSize = new int[] { 0, 60, 20, 12, 7, 5 }[ n ];
			dims = new long[ n ];
			kernelDims = new int[ n ];
			for ( int d = 0; d < n; d++ )
			{
				dims[ d ] = r.nextInt( 8 ) == 0 ? 1 + r.nextInt( 2 ) : 1 + r.nextInt( maxSize );
				kernelDims[ d ] = 1 + r.nextInt( 6 );
			}
			shrinkKernelToWorkBudget( r );
			int axes = n;
			if ( r.nextBoolean() )
				while ( axes > 1 && kernelDims[ axes - 1 ] == 1 )
					axes--;
			kernelAxes = axes;

			pixelType = r.nextInt( TestImages.PIXEL_TYPE_NAMES.length );
			outputType = OutputType.values()[ r.nextInt( 3 ) ];
			final boolean integral = pixelType < 6 && outputType == OutputType.INPUT;
			final int taps = Arrays.stream( kernelDims ).reduce( 1, ( a, b ) -> a * b );
			weights = new double[ taps ];
			final boolean dyadic = integral || r.nextBoolean();
			final boolean sparse = r.nextInt( 4 ) == 0;
			for ( int i = 0; i < taps; i++ )
				weights[ i ] = sparse && r.nextBoolean() ? 0
						: dyadic ? ( r.nextInt( 17 ) - 8 ) / 4.0 : r.nextGaussian();

			if ( r.nextInt( 3 ) == 0 )
			{
				centre = new int[ n ];
				for ( int d = 0; d < n; d++ )
					centre[ d ] = r.nextInt( kernelDims[ d ] );
			}
			else
				centre = null;

			final Boundary[] all = Boundary.values();
			shortcut = r.nextInt( 3 ) == 0;
			modes = new Boundary[ shortcut ? 1 : 1 + r.nextInt( n ) ];
			for ( int d = 0; d < modes.length; d++ )
				modes[ d ] = all[ r.nextInt( all.length ) ];
			final boolean zeroValue = shortcut || r.nextInt( 4 ) == 0;
			value = zeroValue ? 0 : Math.round( r.nextGaussian() * 40 ) / 4.0;

			outputSize = OutputSize.values()[ r.nextInt( 3 ) ];
			operation = r.nextBoolean() ? Operation.CORRELATE : Operation.CONVOLVE;
			container = TestImages.Container.values()[ r.nextInt( 3 ) ];
			cellSize = new int[ n ];
			for ( int d = 0; d < n; d++ )
				cellSize[ d ] = 1 + r.nextInt( 3 );
			view = View.values()[ r.nextInt( 3 ) ];
			offset = new long[ n ];
			padBefore = new long[ n ];
			padAfter = new long[ n ];
			for ( int d = 0; d < n; d++ )
			{
				if ( view != View.NONE )
					offset[ d ] = r.nextInt( 11 ) - 5;
				if ( view == View.PART_OF_LARGER )
				{
					padBefore[ d ] = r.nextInt( 3 );
					padAfter[ d ] = r.nextInt( 3 );
				}
			}
			wideRange = r.nextInt( 4 ) == 0;
			nonFinite = pixelType >= 6 && r.nextInt( 5 ) == 0;
			sampleSeed = r.nextLong();
		}

		private void shrinkKernelToWorkBudget( final Random r )
		{
			while ( true )
			{
				long out = 1, taps = 1;
				for ( int d = 0; d < n; d++ )
				{
					out *= dims[ d ] + kernelDims[ d ] - 1; // the largest (full) output
					taps *= kernelDims[ d ];
				}
				if ( out * taps <= WORK )
					return;
				final int d = r.nextInt( n );
				if ( kernelDims[ d ] > 1 && r.nextBoolean() )
					kernelDims[ d ]--;
				else if ( dims[ d ] > 1 )
					dims[ d ]--;
			}
		}

		@Override
		public < T extends NativeType< T > & RealType< T > > void run( final T type )
		{
			final Random r = new Random( sampleSeed );

			// The source: random samples, perhaps inside a larger image full of other values.
			final long[] storedDims = new long[ n ];
			for ( int d = 0; d < n; d++ )
				storedDims[ d ] = padBefore[ d ] + dims[ d ] + padAfter[ d ];
			final Img< T > stored = TestImages.create( container, type, storedDims, cellSize );
			for ( final T t : stored )
				t.setReal( randomSample( r, t ) );
			final long[] min = new long[ n ];
			final long[] max = new long[ n ];
			for ( int d = 0; d < n; d++ )
			{
				min[ d ] = offset[ d ] + padBefore[ d ];
				max[ d ] = min[ d ] + dims[ d ] - 1;
			}
			final RandomAccessibleInterval< T > source = view == View.NONE ? stored
					: Views.interval( Views.translate( stored, offset ), min, max );
			final double[] storedBefore = TestImages.values( stored );
			final double[] input = TestImages.values( source );

			final int[] fullCentre = new int[ n ];
			for ( int d = 0; d < n; d++ )
				fullCentre[ d ] = centre == null ? kernelDims[ d ] / 2 : centre[ d ];
			final Boundary[] perAxis = new Boundary[ n ];
			for ( int d = 0; d < n; d++ )
				perAxis[ d ] = modes[ Math.min( d, modes.length - 1 ) ];
			final LinearFilter filter = filter();

			final boolean validIsEmpty = outputSize == OutputSize.VALID
					&& IntStream.range( 0, n ).anyMatch( d -> kernelDims[ d ] > dims[ d ] );
			if ( validIsEmpty )
			{
				assertThrows( IllegalArgumentException.class, () -> filter.apply( source ) );
				return;
			}
			final boolean convolve = operation == Operation.CONVOLVE;
			final BruteForce.Result reference = BruteForce.filter( input, dims, weights,
					kernelDims, fullCentre, perAxis, value, convolve, outputSize );
			final double scale = TestImages.max( BruteForce.filter(
					TestImages.finiteMagnitudes( input ), dims,
					TestImages.finiteMagnitudes( weights ), kernelDims, fullCentre, perAxis,
					Math.abs( value ), convolve, outputSize ).values );
			final double tolerance = 1e-5 * scale;

			for ( final Method method : Method.values() )
			{
				final String where = "method " + method;
				final RandomAccessibleInterval< ? extends RealType< ? > > out = apply(
						filter.method( method ), source );
				final long[] expectedMin = new long[ n ];
				for ( int d = 0; d < n; d++ )
					expectedMin[ d ] = reference.min[ d ] + min[ d ];
				assertArrayEquals( expectedMin, out.minAsLongArray(), where + ": output min" );
				assertArrayEquals( reference.dims, out.dimensionsAsLongArray(),
						where + ": output size" );
				final double[] actual = TestImages.values( out );
				if ( out.getType() instanceof IntegerType )
					assertIntegral( reference.values, actual, out.getType(), tolerance, where );
				else
					assertNull( TestImages.compareFloat( reference.values, actual, tolerance ),
							where );
				assertArrayEquals( storedBefore, TestImages.values( stored ),
						where + ": the source must not change" );
			}
		}

		private LinearFilter filter()
		{
			Kernel kernel = Kernel.of( weights, Arrays.copyOf( kernelDims, kernelAxes ) );
			if ( centre != null )
				kernel = kernel.withCentre( Arrays.copyOf( centre, kernelAxes ) );
			final LinearFilter f = LinearFilter.of( operation, kernel ).outputSize( outputSize );
			return shortcut ? f.boundary( modes[ 0 ] )
					: f.boundary( BoundaryConditions.perAxis( value, modes ) );
		}

		private < T extends NativeType< T > & RealType< T > >
				RandomAccessibleInterval< ? extends RealType< ? > > apply(
						final LinearFilter filter, final RandomAccessibleInterval< T > source )
		{
			switch ( outputType )
			{
			case FLOAT32:
				return filter.apply( source );
			case FLOAT64:
				return filter.applyAsDouble( source );
			default:
				return filter.applyKeepingType( source );
			}
		}

		private double randomSample( final Random r, final RealType< ? > t )
		{
			if ( t instanceof IntegerType )
			{
				final double lo = t.getMinValue(), hi = t.getMaxValue();
				if ( wideRange )
					return Math.floor( lo + r.nextDouble() * ( hi - lo + 1 ) );
				return Math.max( lo, Math.min( hi, r.nextInt( 61 ) - 20 ) );
			}
			if ( nonFinite && r.nextInt( 12 ) == 0 )
				return new double[] { Double.NaN, Double.POSITIVE_INFINITY,
						Double.NEGATIVE_INFINITY }[ r.nextInt( 3 ) ];
			return r.nextGaussian() * ( wideRange ? 1e4 : 10 );
		}

		@Override
		public String toString()
		{
			final String cells = container == TestImages.Container.CELL
					? Arrays.toString( cellSize ) : "";
			return n + "-D " + Arrays.toString( dims ) + " "
					+ TestImages.PIXEL_TYPE_NAMES[ pixelType ] + " " + container + cells + " "
					+ view + ", kernel " + Kernel.shape( kernelDims )
					+ ( centre == null ? "" : " centre " + Arrays.toString( centre ) ) + ", "
					+ operation.token() + " " + Arrays.toString( modes )
					+ ( shortcut ? "" : " value " + value ) + ", " + outputSize.token() + " as "
					+ outputType.token() + ( nonFinite ? ", with NaN/inf" : "" )
					+ ( wideRange ? ", wide range" : "" );
		}
	}

	/**
	 * An integer result must be the reference rounded half away from zero and
	 * saturated. A method that is exact only within {@code tolerance} may round
	 * either way where the reference lies that close to a half.
	 */
	private static void assertIntegral( final double[] expected, final double[] actual,
			final RealType< ? > type, final double tolerance, final String where )
	{
		final double lo = type.getMinValue(), hi = type.getMaxValue();
		assertEquals( expected.length, actual.length, where );
		for ( int i = 0; i < expected.length; i++ )
		{
			final double low = TestImages.roundAndSaturate( expected[ i ] - tolerance, lo, hi );
			final double high = TestImages.roundAndSaturate( expected[ i ] + tolerance, lo, hi );
			if ( actual[ i ] < low || actual[ i ] > high )
				throw new AssertionError( where + ": sample " + i + " is " + actual[ i ]
						+ ", expected " + TestImages.roundAndSaturate( expected[ i ], lo, hi )
						+ " (reference " + expected[ i ] + ")" );
		}
	}
}
