package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.log.LogLevel;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.macro.Interpreter;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.kernel.KernelPresets;
import io.github.ndfilters.kernel.KernelText;

/**
 * Runs Correlate (n-D) and Convolve (n-D) through the command service and
 * holds their results to the brute-force reference.
 */
class FilterCommandsTest extends ContextTestBase
{
	private static final String ASYMMETRIC = "1 2 -1\n0 3 1.5";

	@Test
	void anImpulseComesOutMirroredByCorrelationAndAsItIsByConvolution()
	{
		final double[] impulse = new double[ 25 ];
		impulse[ 12 ] = 1;
		final ImagePlus image = Pixels.floats( "impulse", impulse, 5, 5 );
		final String kernel = "1 2 3\n4 5 6\n7 8 9";
		final double[] correlated = Pixels.read( filter( CorrelateCommand.class, image,
				"kernel", kernel ) );
		final double[] convolved = Pixels.read( filter( ConvolveCommand.class, image,
				"kernel", kernel ) );
		assertArrayEquals( new double[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 },
				middle( correlated ) );
		assertArrayEquals( new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, middle( convolved ) );
	}

	@Test
	void everyBoundaryModeMatchesTheReference()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 7 * 5 ), 7, 5 );
		final Kernel k = KernelText.parse( ASYMMETRIC );
		for ( final Boundary mode : Boundary.values() )
			for ( final boolean convolve : new boolean[] { false, true } )
			{
				final ImagePlus out = filter( convolve ? ConvolveCommand.class
						: CorrelateCommand.class, image, "kernel", ASYMMETRIC, "boundary",
						mode.token(), "value", 2.5 );
				assertMatches( Pixels.expected( image, k, mode, 2.5, convolve,
						OutputSize.SAME ), out, Pixels.scale( image, k ), mode + " " + convolve );
			}
	}

	@Test
	void withOnlyImageAndKernelTheBoundaryIsSymmetric()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 6 * 4 ), 6, 4 );
		final Kernel k = KernelText.parse( ASYMMETRIC );
		final ImagePlus out = filter( ConvolveCommand.class, image, "kernel", ASYMMETRIC );
		assertEquals( 32, out.getBitDepth() );
		assertMatches( Pixels.expected( image, k, Boundary.SYMMETRIC, 0, true, OutputSize.SAME ),
				out, Pixels.scale( image, k ), "defaults" );
	}

	@Test
	void aThreeDimensionalKernelFiltersAcrossSlicesWithFullAndValidOutputs()
	{
		final ImagePlus stack = Pixels.floats( "stack", Pixels.values( 6 * 5 * 4 ), 6, 5, 4 );
		final String text = "1 0\n0 2\n\n-1 1\n3 0.5";
		final Kernel k = KernelText.parse( text );
		for ( final OutputSize size : OutputSize.values() )
		{
			final ImagePlus out = filter( ConvolveCommand.class, stack, "kernel", text,
					"boundary", "periodic", "output", size.token() );
			final BruteForce.Result expected = Pixels.expected( stack, k, Boundary.PERIODIC, 0,
					true, size );
			assertArrayEquals( expected.dims, Pixels.dims( out ), size.token() );
			assertMatches( expected, out, Pixels.scale( stack, k ), size.token() );
		}
	}

	@Test
	void theInputTypeIsRoundedHalfAwayFromZeroAndSaturated()
	{
		final int[] v = { 0, 1, 2, 3, 200, 255, 100, 7, 9, 254, 1, 128 };
		final ImagePlus image = Pixels.bytes( "bytes", v, 4, 3 );
		for ( final String kernel : new String[] { "0.5 0.5", "2 2", "-1 1", "0.25 -0.5" } )
		{
			final ImagePlus out = filter( CorrelateCommand.class, image, "kernel", kernel,
					"type", "input", "boundary", "replicate" );
			assertEquals( 8, out.getBitDepth() );
			final double[] exact = Pixels.expected( image, KernelText.parse( kernel ),
					Boundary.REPLICATE, 0, false, OutputSize.SAME ).values;
			final double[] got = Pixels.read( out );
			for ( int i = 0; i < exact.length; i++ )
			{
				final double rounded = Math.signum( exact[ i ] )
						* Math.floor( Math.abs( exact[ i ] ) + 0.5 );
				assertEquals( Math.max( 0, Math.min( 255, rounded ) ), got[ i ], kernel );
			}
		}
	}

	@Test
	void theCenterOptionMovesTheKernel()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 5 * 5 ), 5, 5 );
		final Kernel k = KernelText.parse( "1 2\n3 4" ).withCentre( 0, 0 );
		for ( final boolean convolve : new boolean[] { false, true } )
		{
			final ImagePlus out = filter( convolve ? ConvolveCommand.class
					: CorrelateCommand.class, image, "kernel", "1 2\n3 4", "center", "0,0",
					"boundary", "mirror" );
			assertMatches( Pixels.expected( image, k, Boundary.MIRROR, 0, convolve,
					OutputSize.SAME ), out, Pixels.scale( image, k ), "convolve " + convolve );
		}
	}

	@Test
	void normalizeDividesTheKernelByItsSum()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 6 * 3 ), 6, 3 );
		final Kernel third = Kernel.of( new double[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, 3 );
		assertMatches( Pixels.expected( image, third, Boundary.ZERO, 0, false, OutputSize.SAME ),
				filter( CorrelateCommand.class, image, "kernel", "1 1 1", "normalize", true,
						"boundary", "zero" ), Pixels.scale( image, third ), "normalize" );
	}

	@Test
	void aKernelSummingToZeroIsUsedAsItIsAndTheLogSaysSo()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 6 * 3 ), 6, 3 );
		final Kernel k = KernelText.parse( "-1 0 1" );
		assertMatches( Pixels.expected( image, k, Boundary.SYMMETRIC, 0, false,
				OutputSize.SAME ), filter( CorrelateCommand.class, image, "kernel", "-1 0 1",
						"normalize", true ), Pixels.scale( image, k ), "zero sum" );
		assertTrue( logged( LogLevel.WARN ).contains( "sums to zero" ), logged( LogLevel.WARN ) );
	}

	@Test
	void aPresetNameWorksLikeItsNumbers()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 8 * 6 ), 8, 6 );
		final Kernel sobel = KernelPresets.find( "sobel-x" ).orElseThrow();
		assertMatches( Pixels.expected( image, sobel, Boundary.SYMMETRIC, 0, true,
				OutputSize.SAME ), filter( ConvolveCommand.class, image, "kernel", "sobel-x" ),
				Pixels.scale( image, sobel ), "sobel-x" );
	}

	@Test
	void theTitleOfAnOpenImageNamesTheKernel()
	{
		final ImagePlus image = Pixels.floats( "cells.tif", Pixels.values( 8 * 6 ), 8, 6 );
		final double[] weights = { 0.5, -1, 2, 0.25, 3, -0.75 };
		final ImagePlus psf = Pixels.floats( "psf.tif", weights, 3, 2 );
		// NB: without a display, batch mode is how ImageJ 1.x keeps images open.
		final boolean batch = Interpreter.batchMode;
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage( psf );
		try
		{
			final Kernel k = Kernel.of( weights, 3, 2 );
			assertMatches( Pixels.expected( image, k, Boundary.SYMMETRIC, 0, true,
					OutputSize.SAME ), filter( ConvolveCommand.class, image, "kernel", "psf.tif",
							"boundary", "symmetric" ), Pixels.scale( image, k ), "psf.tif" );
		}
		finally
		{
			Interpreter.removeBatchModeImage( psf );
			Interpreter.batchMode = batch;
		}
	}

	@Test
	void badInputEndsWithoutAResultAndALoggedMessageThatSaysWhatIsWrong()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 5 * 4 ), 5, 4 );
		assertFails( "Kernel row 2 has 1 value but the first row has 2", image, "kernel",
				"1 2\n3" );
		assertFails( "Kernel row 1 has an empty value at position 2", image, "kernel", "1,,2" );
		assertFails( "kernel", image, "kernel", "  " );
		assertFails( "Unknown boundary 'reflect'. Use one of: zero, constant, replicate,"
				+ " symmetric, mirror, periodic.", image, "kernel", "1 2", "boundary",
				"reflect" );
		assertFails( "Unknown output size 'middle'", image, "kernel", "1 2", "output", "middle" );
		assertFails( "32-bit or", image, "kernel", "1 2", "type", "64-bit" );
		assertFails( "Unknown method 'fastest'", image, "kernel", "1 2", "method", "fastest" );
		assertFails( "lies outside the kernel", image, "kernel", "1 2", "center", "2,0" );
		assertFails( "'valid' output would be empty", image, "kernel", "box 7", "output",
				"valid" );
	}

	@Test
	void aRunCanceledWhileWorkingLeavesNoResult()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 5 * 4 ), 5, 4 );
		final double[] before = Pixels.read( image );
		final CommandModule module = run( CanceledOnceStarted.class, "image", image, "kernel",
				"1 2 1" );
		assertTrue( module.isCanceled() );
		assertNull( module.getOutput( "result" ) );
		assertTrue( logged( LogLevel.INFO ).contains( "was canceled" ) );
		assertArrayEquals( before, Pixels.read( image ) );
	}

	/** Convolve (n-D) as if the user canceled as soon as the filter began. */
	@Plugin( type = Command.class )
	public static class CanceledOnceStarted extends ConvolveCommand
	{
		private boolean running;

		private int polls;

		@Override
		public void run()
		{
			running = true;
			super.run();
		}

		@Override
		public boolean isCanceled()
		{
			// NB: the first poll in run() is the command's own check before it starts.
			return super.isCanceled() || running && ++polls > 1;
		}
	}

	// -- Helpers --

	/** Runs a command, checks that it left its input as it was, returns the result. */
	private static ImagePlus filter( final Class< ? extends Command > command,
			final ImagePlus image, final Object... options )
	{
		final double[] before = Pixels.read( image );
		final Object[] inputs = new Object[ options.length + 2 ];
		inputs[ 0 ] = "image";
		inputs[ 1 ] = image;
		System.arraycopy( options, 0, inputs, 2, options.length );
		final CommandModule module = run( command, inputs );
		assertTrue( !module.isCanceled(), () -> "canceled: " + logged( LogLevel.ERROR ) );
		assertArrayEquals( before, Pixels.read( image ), "the input changed" );
		return ( ImagePlus ) module.getOutput( "result" );
	}

	private static void assertFails( final String message, final ImagePlus image,
			final Object... options )
	{
		logged.clear();
		final double[] before = Pixels.read( image );
		final Object[] inputs = new Object[ options.length + 2 ];
		inputs[ 0 ] = "image";
		inputs[ 1 ] = image;
		System.arraycopy( options, 0, inputs, 2, options.length );
		final CommandModule module = run( ConvolveCommand.class, inputs );
		assertTrue( module.isCanceled(), message );
		assertNull( module.getOutput( "result" ), message );
		final String errors = logged( LogLevel.ERROR );
		assertTrue( errors.startsWith( "Convolve (n-D): " ) && errors.contains( message ),
				errors );
		assertArrayEquals( before, Pixels.read( image ) );
	}

	private static void assertMatches( final BruteForce.Result expected, final ImagePlus actual,
			final double scale, final String what )
	{
		final double[] got = Pixels.read( actual );
		assertEquals( expected.values.length, got.length, what );
		for ( int i = 0; i < got.length; i++ )
			assertEquals( expected.values[ i ], got[ i ], 1e-5 * scale, what + " at " + i );
	}

	/** @return the 3x3 middle of a 5x5 image */
	private static double[] middle( final double[] values )
	{
		final double[] m = new double[ 9 ];
		for ( int y = 0; y < 3; y++ )
			for ( int x = 0; x < 3; x++ )
				m[ y * 3 + x ] = values[ ( y + 1 ) * 5 + x + 1 ];
		return m;
	}
}
