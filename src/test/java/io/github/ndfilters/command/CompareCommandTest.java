package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;
import org.scijava.log.LogLevel;

import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.kernel.KernelPresets;

/**
 * Runs Compare Correlation and Convolution and checks the residual and its
 * figures against correlation minus convolution from the reference.
 */
class CompareCommandTest extends ContextTestBase
{
	@Test
	void sobelGivesTwiceTheCorrelationAndItsFigures()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 9 * 7 ), 9, 7 );
		final Kernel sobel = KernelPresets.find( "sobel-x" ).orElseThrow();
		final CommandModule module = compare( image, "kernel", "sobel-x", "boundary",
				"replicate" );
		final double[] correlation = Pixels.expected( image, sobel, Boundary.REPLICATE, 0,
				false, OutputSize.SAME ).values;
		final double[] convolution = Pixels.expected( image, sobel, Boundary.REPLICATE, 0,
				true, OutputSize.SAME ).values;
		final double[] residual = Pixels.read( ( ImagePlus ) module.getOutput( "residual" ) );
		final double tolerance = 2e-5 * Pixels.scale( image, sobel );
		double max = 0, sum = 0, squares = 0;
		long differing = 0;
		for ( int i = 0; i < residual.length; i++ )
		{
			final double d = correlation[ i ] - convolution[ i ];
			assertEquals( 2 * correlation[ i ], d, 1e-12 );
			assertEquals( d, residual[ i ], tolerance );
			max = Math.max( max, Math.abs( d ) );
			sum += Math.abs( d );
			squares += d * d;
			differing += d != 0 ? 1 : 0;
		}
		assertTrue( max > 0 );
		assertEquals( max, ( double ) module.getOutput( "maxAbsoluteDifference" ), tolerance );
		assertEquals( sum / residual.length,
				( double ) module.getOutput( "meanAbsoluteDifference" ), tolerance );
		assertEquals( Math.sqrt( squares / residual.length ),
				( double ) module.getOutput( "rms" ), tolerance );
		assertEquals( differing, ( long ) module.getOutput( "differingPixels" ) );
		final String info = logged( LogLevel.INFO );
		assertTrue( info.contains( "max |difference| " + module.getOutput(
				"maxAbsoluteDifference" ) ) && info.contains( differing + " of 63 pixels" ),
				info );
		assertFalse( info.contains( "exactly zero" ), info );
	}

	@Test
	void aGaussianGivesAResidualOfExactlyZeroAndSaysSo()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 11 * 9 ), 11, 9 );
		final CommandModule module = compare( image, "kernel", "gaussian 1", "boundary",
				"mirror" );
		final ImagePlus residual = ( ImagePlus ) module.getOutput( "residual" );
		assertEquals( 32, residual.getBitDepth() );
		assertArrayEquals( new double[ 11 * 9 ], Pixels.read( residual ) );
		assertEquals( 0.0, module.getOutput( "maxAbsoluteDifference" ) );
		assertEquals( 0L, module.getOutput( "differingPixels" ) );
		assertTrue( logged( LogLevel.INFO ).contains( "the residual is exactly zero" ) );
	}

	@Test
	void aTwoByTwoBoxDiffersByAOnePixelShift()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 6 * 5 ), 6, 5 );
		final Kernel box = KernelPresets.find( "box 2" ).orElseThrow();
		final CommandModule module = compare( image, "kernel", "box 2", "boundary", "zero" );
		final double[] correlation = Pixels.expected( image, box, Boundary.ZERO, 0, false,
				OutputSize.SAME ).values;
		final double[] convolution = Pixels.expected( image, box, Boundary.ZERO, 0, true,
				OutputSize.SAME ).values;
		final double[] residual = Pixels.read( ( ImagePlus ) module.getOutput( "residual" ) );
		for ( int i = 0; i < residual.length; i++ )
			assertEquals( correlation[ i ] - convolution[ i ], residual[ i ], 1e-5 * 30 );
		// convolution at (x, y) is correlation at (x + 1, y + 1)
		assertEquals( correlation[ 7 ], convolution[ 0 ], 1e-12 );
	}

	@Test
	void aBadKernelEndsWithoutAResidual()
	{
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 6 * 5 ), 6, 5 );
		final CommandModule module = run( CompareCommand.class, "image", image, "kernel",
				"1 2\n\n3" );
		assertTrue( module.isCanceled() );
		assertNull( module.getOutput( "residual" ) );
		final String errors = logged( LogLevel.ERROR );
		assertTrue( errors.startsWith( "Compare Correlation and Convolution: Kernel row 1 of"
				+ " plane 2 has 1 value" ), errors );
	}

	private static CommandModule compare( final ImagePlus image, final Object... options )
	{
		final double[] before = Pixels.read( image );
		final Object[] inputs = new Object[ options.length + 2 ];
		inputs[ 0 ] = "image";
		inputs[ 1 ] = image;
		System.arraycopy( options, 0, inputs, 2, options.length );
		final CommandModule module = run( CompareCommand.class, inputs );
		assertFalse( module.isCanceled(), () -> logged( LogLevel.ERROR ) );
		assertArrayEquals( before, Pixels.read( image ), "the input changed" );
		return module;
	}
}
