package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.log.LogLevel;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.LUT;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.kernel.KernelText;

/**
 * Images at the edges of what the SciJava commands take: each gives the
 * reference result and leaves its input as it was.
 */
class CommandUnusualImagesTest extends ContextTestBase
{
	private static final String ASYMMETRIC = "1 2 3\n4 5 6\n7 8 9";

	/** The same hand-worked values as the ImageJ 1.x route: see there. */
	@Test
	void aOnePixelImageIsFilteredByHand()
	{
		final ImagePlus dot = new ImagePlus( "dot", new ByteProcessor( 1, 1, new byte[] { 7 } ) );
		final Object[][] cases = { { "zero", 35.0 }, { "constant", 115.0 },
				{ "replicate", 315.0 }, { "periodic", 315.0 }, { "mirror", 315.0 } };
		for ( final Object[] c : cases )
			assertArrayEquals( new double[] { ( double ) c[ 1 ] }, Pixels.read( result(
					ConvolveCommand.class, dot, "kernel", ASYMMETRIC, "boundary", c[ 0 ], "value",
					"2" ) ), ( String ) c[ 0 ] );
	}

	@Test
	void aOnePixelHighLineTakesATwoDimensionalKernel()
	{
		final ImagePlus line = Pixels.floats( "line", Pixels.values( 11 ), 11, 1 );
		final Kernel k = KernelText.parse( ASYMMETRIC );
		for ( final Boundary mode : Boundary.values() )
		{
			final ImagePlus out = result( CorrelateCommand.class, line, "kernel", ASYMMETRIC,
					"boundary", mode.token(), "output", "full", "value", "1.5" );
			final BruteForce.Result expected = Pixels.expected( line, k, mode, 1.5, false,
					OutputSize.FULL );
			assertArrayEquals( expected.dims, Pixels.dims( out ), mode.token() );
			final double[] got = Pixels.read( out );
			for ( int i = 0; i < got.length; i++ )
				assertEquals( expected.values[ i ], got[ i ], 1e-5 * Pixels.scale( line, k ),
						mode.token() );
		}
	}

	@Test
	void anRgbImageGivesRgbForTypeInputAndThreeFloatChannelsOtherwise()
	{
		final int[] rgb = new int[ 5 * 4 ];
		for ( int i = 0; i < rgb.length; i++ )
			rgb[ i ] = ( 13 * i % 256 ) << 16 | ( 255 - 11 * i % 256 ) << 8 | 7 * i % 256;
		final ImagePlus image = new ImagePlus( "rgb", new ColorProcessor( 5, 4, rgb.clone() ) );
		final ImagePlus kept = result( ConvolveCommand.class, image, "kernel", "0.25 0.5 0.25",
				"type", "input", "boundary", "replicate" );
		final ImagePlus floats = result( ConvolveCommand.class, image, "kernel",
				"0.25 0.5 0.25", "boundary", "replicate" );
		assertEquals( 24, kept.getBitDepth() );
		assertEquals( 32, floats.getBitDepth() );
		assertEquals( 3, floats.getNChannels() );
		assertArrayEquals( rgb, ( int[] ) image.getProcessor().getPixels() );
		for ( int colour = 0; colour < 3; colour++ )
		{
			final int shift = 16 - 8 * colour;
			final double[] channel = new double[ rgb.length ];
			for ( int i = 0; i < rgb.length; i++ )
				channel[ i ] = rgb[ i ] >> shift & 0xff;
			final double[] expected = Pixels.expected( Pixels.floats( "c", channel, 5, 4 ),
					Kernel.of( new double[] { 0.25, 0.5, 0.25 }, 3 ), Boundary.REPLICATE, 0, true,
					OutputSize.SAME ).values;
			final float[] plane = ( float[] ) floats.getStack().getPixels( colour + 1 );
			final int[] packed = ( int[] ) kept.getProcessor().getPixels();
			for ( int i = 0; i < rgb.length; i++ )
			{
				assertEquals( expected[ i ], plane[ i ], 1e-4, "colour " + colour );
				assertEquals( Math.floor( expected[ i ] + 0.5 ), packed[ i ] >> shift & 0xff,
						"colour " + colour );
			}
		}
	}

	@Test
	void aCompositeImageKeepsItsColoursAndEachChannelIsFilteredAlone()
	{
		final ImagePlus plain = Pixels.floats( "two", Pixels.values( 6 * 5 * 2 ), 6, 5, 2 );
		plain.setDimensions( 2, 1, 1 );
		final CompositeImage composite = new CompositeImage( plain, CompositeImage.COMPOSITE );
		composite.setChannelLut( LUT.createLutFromColor( Color.ORANGE ), 2 );
		final ImagePlus out = result( ConvolveCommand.class, composite, "kernel", "1 2\n3 4",
				"boundary", "periodic" );
		assertTrue( out instanceof CompositeImage );
		assertEquals( CompositeImage.COMPOSITE, ( ( CompositeImage ) out ).getMode() );
		assertEquals( Color.ORANGE.getRGB(), ( ( CompositeImage ) out ).getChannelLut( 2 )
				.getRGB( 255 ) );
		final Kernel k = KernelText.parse( "1 2\n3 4" );
		final double[] all = Pixels.read( plain );
		for ( int c = 0; c < 2; c++ )
		{
			final double[] channel = Arrays.copyOfRange( all, c * 30, c * 30 + 30 );
			final double[] expected = Pixels.expected( Pixels.floats( "c", channel, 6, 5 ), k,
					Boundary.PERIODIC, 0, true, OutputSize.SAME ).values;
			final float[] got = ( float[] ) out.getStack().getPixels( c + 1 );
			for ( int i = 0; i < got.length; i++ )
				assertEquals( expected[ i ], got[ i ], 1e-3, "channel " + c );
		}
	}

	/** As in ImageJ 1.x: the selection is ignored, kept on the input, and a warning says so. */
	@Test
	void aSelectionIsIgnoredAndTheLogSaysSo()
	{
		final ImagePlus image = Pixels.floats( "sel", Pixels.values( 8 * 6 ), 8, 6 );
		final double[] whole = Pixels.read( result( ConvolveCommand.class, image, "kernel",
				ASYMMETRIC ) );
		assertFalse( logged( LogLevel.WARN ).contains( "selection" ) );
		final Roi roi = new Roi( 1, 1, 3, 2 );
		image.setRoi( roi );
		for ( final Class< ? extends Command > c : Arrays.asList(
				ConvolveCommand.class, CompareCommand.class ) )
		{
			logged.clear();
			final CommandModule module = run( c, "image", image, "kernel", ASYMMETRIC );
			final ImagePlus out = ( ImagePlus ) module.getOutput( c == CompareCommand.class
					? "residual" : "result" );
			assertTrue( logged( LogLevel.WARN ).contains( "The selection is ignored; the whole"
					+ " image is filtered." ), logged( LogLevel.WARN ) );
			assertNull( out.getRoi() );
			assertSame( roi, image.getRoi() );
			if ( c == ConvolveCommand.class )
				assertArrayEquals( whole, Pixels.read( out ) );
		}
	}

	/** A stack whose planes share one array is only read, never written through. */
	@Test
	void aStackWhosePlanesAreSharedIsNotWritten()
	{
		final ImageStack stack = new ImageStack( 4, 3 );
		final float[] plane = new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		for ( int z = 0; z < 3; z++ )
			stack.addSlice( null, plane );
		final ImagePlus shared = new ImagePlus( "shared", stack );
		final ImagePlus out = result( ConvolveCommand.class, shared, "kernel",
				"1 1\n1 1\n\n1 1\n1 1", "type", "input" );
		assertArrayEquals( new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, plane );
		assertEquals( 3, out.getStackSize() );
	}

	private static ImagePlus result( final Class< ? extends Command > command,
			final ImagePlus image, final Object... options )
	{
		final Object[] inputs = new Object[ options.length + 2 ];
		inputs[ 0 ] = "image";
		inputs[ 1 ] = image;
		System.arraycopy( options, 0, inputs, 2, options.length );
		final CommandModule module = run( command, inputs );
		assertFalse( module.isCanceled(), () -> logged( LogLevel.ERROR ) );
		return ( ImagePlus ) module.getOutput( "result" );
	}
}
