package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Bad requests fail at once with an {@link IllegalArgumentException} whose
 * message says what is wrong and how to put it right; nothing is computed
 * and the source stays as it was.
 */
class ErrorsTest
{
	private static final double[] PIXELS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

	private final RandomAccessibleInterval< DoubleType > image = ArrayImgs.doubles(
			PIXELS.clone(), 4, 3 );

	private final Kernel box = Kernel.of( new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 3, 3 );

	/** Asserts the error and that its message holds every given phrase. */
	private void assertRefused( final Executable request, final String... phrases )
	{
		final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
				request );
		for ( final String phrase : phrases )
			assertTrue( e.getMessage().contains( phrase ), "'" + phrase + "' missing from: "
					+ e.getMessage() );
		assertArrayEquals( PIXELS, TestImages.values( image ), "the source must not change" );
	}

	@Test
	void kernelWithMoreAxesThanTheImage()
	{
		final Kernel cube = Kernel.of( new double[ 27 ], 3, 3, 3 );
		assertRefused( () -> LinearFilter.correlate( cube ).apply( image ), "3 axes",
				"only 2", "at most 2" );
		// Extra axes of size 1 change nothing.
		final Kernel flat = Kernel.of( box.weights(), 3, 3, 1, 1 );
		assertArrayEquals( TestImages.values( LinearFilter.correlate( box ).apply( image ) ),
				TestImages.values( LinearFilter.correlate( flat ).apply( image ) ) );
	}

	@Test
	void kernelWeightsThatAreNotFiniteNumbers()
	{
		for ( final double bad : new double[] { Double.NaN, Double.POSITIVE_INFINITY,
				Double.NEGATIVE_INFINITY } )
		{
			assertRefused( () -> Kernel.of( new double[] { 1, 2, 3, 4, bad, 6 }, 3, 2 ),
					"(1, 1)", String.valueOf( bad ), "finite" );
			assertRefused( () -> Kernel.of( ArrayImgs.floats( new float[] { 0, ( float ) bad },
					2 ) ), "(1)", "finite" );
		}
	}

	@Test
	void constantBoundaryValueThatIsNotAFiniteNumber()
	{
		for ( final double bad : new double[] { Double.NaN, Double.POSITIVE_INFINITY } )
		{
			assertRefused( () -> BoundaryConditions.constant( bad ), "finite number" );
			assertRefused( () -> LinearFilter.correlate( box ).boundary( bad ), "finite number" );
		}
	}

	@Test
	void emptyValidOutput()
	{
		final Kernel wide = Kernel.of( new double[ 5 ], 5, 1 );
		for ( final Operation op : Operation.values() )
			assertRefused( () -> LinearFilter.of( op, wide ).outputSize( OutputSize.VALID )
					.apply( image ), "'valid' output would be empty", "axis 0", "(5)", "(4)",
					"'same' or 'full'" );
		// The boundary case of equal sizes is one pixel wide, not an error.
		assertArrayEquals( new long[] { 1, 1 }, LinearFilter.correlate( Kernel.of(
				new double[ 12 ], 4, 3 ) ).outputSize( OutputSize.VALID ).apply( image )
				.dimensionsAsLongArray() );
	}

	@Test
	void targetWithOtherDimensionality()
	{
		assertRefused( () -> LinearFilter.correlate( box ).applyTo( image,
				ArrayImgs.floats( 4, 3, 1 ) ), "2 axes", "3", "as many axes" );
		assertRefused( () -> LinearFilter.correlate( box ).applyTo( image,
				ArrayImgs.floats( 12 ) ), "2 axes", "1", "as many axes" );
	}

	@Test
	void sourceAsItsOwnTarget()
	{
		assertRefused( () -> LinearFilter.correlate( box ).applyTo( image, image ),
				"target is the source", "new image" );
	}

	@Test
	void sourceWithoutSamples()
	{
		final RandomAccessibleInterval< DoubleType > empty = Views.interval( image,
				new long[] { 0, 0 }, new long[] { 3, -1 } );
		assertRefused( () -> LinearFilter.correlate( box ).apply( empty ), "empty",
				"axis 1 is 0" );
		assertRefused( () -> LinearFilter.correlate( box ).applyTo( empty,
				ArrayImgs.doubles( 4, 3 ) ), "empty" );
		assertRefused( () -> LinearFilter.correlate( Kernel.line( 1 ) ).apply(
				Views.hyperSlice( ArrayImgs.doubles( 3 ), 0, 1 ) ), "no axes",
				"at least one axis" );
	}

	@Test
	void nullArguments()
	{
		final LinearFilter f = LinearFilter.correlate( box );
		final Map< String, Executable > requests = new LinkedHashMap<>();
		requests.put( "operation", () -> LinearFilter.of( null, box ) );
		requests.put( "kernel", () -> LinearFilter.convolve( null ) );
		requests.put( "boundary mode", () -> f.boundary( ( Boundary ) null ) );
		requests.put( "boundary conditions", () -> f.boundary( ( BoundaryConditions ) null ) );
		requests.put( "modes", () -> BoundaryConditions.perAxis( 0, ( Boundary[] ) null ) );
		requests.put( "output size", () -> f.outputSize( null ) );
		requests.put( "method", () -> f.method( null ) );
		requests.put( "source of apply", () -> f.apply( null ) );
		requests.put( "source of applyAsDouble", () -> f.applyAsDouble( null ) );
		requests.put( "source of applyKeepingType", () -> f.applyKeepingType(
				( RandomAccessibleInterval< FloatType > ) null ) );
		requests.put( "source of applyAs", () -> f.applyAs( null, new FloatType() ) );
		requests.put( "type of applyAs", () -> f.applyAs( image, ( FloatType ) null ) );
		requests.put( "source of applyTo", () -> f.applyTo( null, ArrayImgs.floats( 4, 3 ) ) );
		requests.put( "target of applyTo", () -> f.applyTo( image, null ) );
		requests.put( "source of outputInterval", () -> f.outputInterval( null ) );
		requests.put( "weights", () -> Kernel.of( ( double[] ) null, 3 ) );
		requests.put( "kernel sizes", () -> Kernel.of( new double[ 3 ], ( int[] ) null ) );
		requests.put( "kernel image",
				() -> Kernel.of( ( RandomAccessibleInterval< FloatType > ) null ) );
		requests.put( "centre", () -> box.withCentre( ( int[] ) null ) );
		requests.put( "Filters image", () -> Filters.convolve( null, box, Boundary.ZERO ) );
		for ( final Map.Entry< String, Executable > r : requests.entrySet() )
		{
			final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
					r.getValue(), "null " + r.getKey() );
			assertTrue( e.getMessage() != null && e.getMessage().startsWith( "Give" ),
					"null " + r.getKey() + ": the message should say what to give, not: "
							+ e.getMessage() );
		}
		// A null monitor means no monitor.
		assertDoesNotThrow( () -> f.monitor( null ).apply( image ) );
	}

	@Test
	void otherMalformedKernelsAndTokens()
	{
		assertRefused( () -> Kernel.of( new double[ 5 ], 3, 2 ), "3x2", "6 weights", "got 5" );
		assertRefused( () -> Kernel.of( new double[ 0 ], 0 ), "at least 1" );
		assertRefused( () -> box.withCentre( 1, 3 ), "[1, 3]", "outside", "3x3" );
		assertRefused( () -> box.withCentre( 1 ), "2 axes", "1 coordinates" );
		assertRefused( () -> Boundary.fromToken( "mirrored" ), "'mirrored'", "zero, constant, "
				+ "replicate, symmetric, mirror, periodic" );
		assertRefused( () -> OutputSize.fromToken( "large" ), "same, full, valid" );
	}

	/**
	 * A result of 10^12 pixels is refused before anything is allocated: the
	 * source is a view of a one-pixel image, so the test itself allocates
	 * nothing big, and an attempt to allocate would end in an
	 * {@link OutOfMemoryError}, not in this message.
	 */
	@Test
	void resultLargerThanTheMemoryJavaCanUse()
	{
		final RandomAccessibleInterval< UnsignedByteType > tiny = ArrayImgs.unsignedBytes( 1, 1 );
		final RandomAccessibleInterval< UnsignedByteType > huge = Views.interval(
				Views.extendZero( tiny ), new FinalInterval( 1_000_000, 1_000_000 ) );
		final LinearFilter f = LinearFilter.convolve( box );
		assertRefused( () -> f.apply( huge ), "Not enough memory", "4000000000000 bytes",
				"-Xmx", "block by block" );
		assertRefused( () -> f.applyAsDouble( huge ), "8000000000000 bytes" );
		assertRefused( () -> f.applyKeepingType( huge ), "1000000000000 bytes" );
		// Full output: (10^6 + 2)^2 float samples.
		assertRefused( () -> f.outputSize( OutputSize.FULL ).apply( huge ),
				( 4 * 1_000_002L * 1_000_002L ) + " bytes" );
	}

	/** A target given by the caller needs no allocation, but the buffers do. */
	@Test
	void workingBuffersLargerThanTheMemoryJavaCanUse()
	{
		final RandomAccessibleInterval< FloatType > hugeTarget = Views.interval(
				Views.extendZero( ArrayImgs.floats( 1, 1, 1 ) ),
				new FinalInterval( 100_000, 100_000, 100 ) );
		assertRefused( () -> LinearFilter.convolve( Kernel.of( new double[ 27 ], 3, 3, 3 ) )
				.applyTo( Views.interval( Views.extendZero( ArrayImgs.floats( 1, 1, 1 ) ),
						hugeTarget ), hugeTarget ), "Not enough memory", "working buffers" );
	}

	@Test
	void memoryBudgetArithmetic()
	{
		assertDoesNotThrow( () -> MemoryBudget.check( 100, 50, 150 ) );
		assertRefused( () -> MemoryBudget.check( 100, 51, 150 ), "151 bytes", "result 100 bytes",
				"working buffers 51 bytes", "150 bytes more" );
		assertRefused( () -> MemoryBudget.check( 3.0 * ( 1L << 30 ), 0, 1 << 30 ),
				"3.0 GiB (3221225472 bytes)", "1.0 GiB" );
		assertArrayEquals( new double[] { 12.0 * 3 }, new double[] { MemoryBudget.bytes(
				new FinalInterval( 4, 3 ), 24 ) } );
		// One slice of 10 (output plus kernel - 1) by 3 kernel rows, per thread, at
		// 20 bytes a sample (a complex double and a float).
		assertArrayEquals( new double[] { 20.0 * 10 * 3 * 2 }, new double[] {
				MemoryBudget.workingBytes( new FinalInterval( 8, 1 ), Kernel.of( new double[ 9 ],
						3, 3 ), 2 ) } );
	}
}
