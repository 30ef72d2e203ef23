package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.FilterMonitor;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.OutputSize;

public class ImagePlusFilterTest
{
	/** An asymmetric, even-sized kernel: flipping and centring both show. */
	private static final Kernel ASYMMETRIC = Kernel.of( new double[] { 1, 2, 3, 4, 5, 6 }, 3,
			2 );

	@Test
	public void convolves8BitImageAs32BitAndLeavesInputAlone()
	{
		final ImagePlus image = Pixels.random( "in.tif", 8, 13, 11, 1, 1, 1, 1 );
		final Object[] before = Pixels.snapshot( image );
		final ImagePlus result = ImagePlusFilter.apply( image, LinearFilter.convolve( ASYMMETRIC ),
				false, null );
		Pixels.assertUnchanged( before, image );
		assertNotSame( image, result );
		assertEquals( 32, result.getBitDepth() );
		assertEquals( "Convolve of in.tif (symmetric)", result.getTitle() );
		final BruteForce.Result expected = Pixels.expected( Pixels.channel( image, 1 ),
				Pixels.dims( image ), ASYMMETRIC, Boundary.SYMMETRIC, 0, true, OutputSize.SAME );
		Pixels.assertClose( expected.values, Pixels.channel( result, 1 ), 255 * 21 );
	}

	@Test
	public void showsTheFiniteRangeOfAllPlanes()
	{
		final ImagePlus floats = IJ.createImage( "floats", "32-bit black", 4, 1, 2 );
		( ( float[] ) floats.getStack().getPixels( 1 ) )[ 0 ] = Float.NaN;
		( ( float[] ) floats.getStack().getPixels( 1 ) )[ 1 ] = Float.POSITIVE_INFINITY;
		( ( float[] ) floats.getStack().getPixels( 1 ) )[ 2 ] = -3.5f;
		( ( float[] ) floats.getStack().getPixels( 2 ) )[ 3 ] = 7.25f;
		final LinearFilter identity = LinearFilter.correlate( Kernel.of( new double[] { 1 },
				1 ) ).boundary( Boundary.ZERO );
		final ImagePlus fromFloats = ImagePlusFilter.apply( floats, identity, false, null );
		assertEquals( -3.5, fromFloats.getDisplayRangeMin() );
		assertEquals( 7.25, fromFloats.getDisplayRangeMax() );

		final ImagePlus shorts = IJ.createImage( "shorts", "16-bit black", 3, 1, 2 );
		shorts.getStack().getProcessor( 1 ).set( 0, 0, 40000 );
		shorts.getStack().getProcessor( 2 ).set( 2, 0, 12 );
		shorts.getStack().getProcessor( 2 ).set( 1, 0, 65535 );
		final ImagePlus fromShorts = ImagePlusFilter.apply( shorts, identity, true, null );
		assertEquals( 0, fromShorts.getDisplayRangeMin() );
		assertEquals( 65535, fromShorts.getDisplayRangeMax() );

		// An 8-bit result shows ImageJ's whole 8-bit range, whatever its values.
		final ImagePlus bytes = IJ.createImage( "bytes", "8-bit black", 3, 1, 1 );
		bytes.getProcessor().set( 1, 0, 20 );
		bytes.getProcessor().set( 2, 0, 10 );
		final ImagePlus fromBytes = ImagePlusFilter.apply( bytes, identity, true, null );
		assertEquals( 0, fromBytes.getDisplayRangeMin() );
		assertEquals( 255, fromBytes.getDisplayRangeMax() );
	}

	@Test
	public void filtersEachChannelOfAHyperstackOnItsOwnWith3DKernel()
	{
		final ImagePlus image = Pixels.random( "stack", 16, 9, 7, 2, 4, 3, 2 );
		final Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelDepth = 2;
		cal.setUnit( "mm" );
		image.getStack().setSliceLabel( "c2 z3 t2", image.getStackIndex( 2, 3, 2 ) );
		final Kernel kernel = Kernel.of( new double[] { 1, -2, 3, 0, 5, 1, 2, 2, -1, 4, 0, 1 },
				3, 2, 2 );
		final ImagePlus result = ImagePlusFilter.apply( image,
				LinearFilter.correlate( kernel ).boundary( Boundary.MIRROR ), false,
				FilterMonitor.NONE );
		assertEquals( 2, result.getNChannels() );
		assertEquals( 4, result.getNSlices() );
		assertEquals( 3, result.getNFrames() );
		assertTrue( result.isHyperStack() );
		assertEquals( 0.5, result.getCalibration().pixelWidth );
		assertEquals( 2, result.getCalibration().pixelDepth );
		assertEquals( "mm", result.getCalibration().getUnit() );
		assertEquals( "c2 z3 t2", result.getStack().getSliceLabel( result.getStackIndex( 2, 3,
				2 ) ) );
		for ( int c = 1; c <= 2; c++ )
		{
			final BruteForce.Result expected = Pixels.expected( Pixels.channel( image, c ),
					Pixels.dims( image ), kernel, Boundary.MIRROR, 0, false, OutputSize.SAME );
			Pixels.assertClose( expected.values, Pixels.channel( result, c ), 4096 * 22 );
		}
	}

	@Test
	public void twoDimensionalKernelFiltersEachSliceAlone()
	{
		final ImagePlus image = Pixels.random( "slices", 32, 8, 6, 1, 5, 1, 3 );
		final ImagePlus result = ImagePlusFilter.apply( image,
				LinearFilter.convolve( ASYMMETRIC ).boundary( Boundary.PERIODIC ), false, null );
		final BruteForce.Result expected = Pixels.expected( Pixels.channel( image, 1 ),
				Pixels.dims( image ), ASYMMETRIC, Boundary.PERIODIC, 0, true, OutputSize.SAME );
		Pixels.assertClose( expected.values, Pixels.channel( result, 1 ), 500 * 21 );
		// The kernel has no z extent, so slice 3 alone decides slice 3 of the result.
		final ImagePlus alone = new ImagePlus( "one", image.getStack().getProcessor( 3 ) );
		final ImagePlus sliceResult = ImagePlusFilter.apply( alone,
				LinearFilter.convolve( ASYMMETRIC ).boundary( Boundary.PERIODIC ), false, null );
		final float[] a = ( float[] ) result.getStack().getPixels( 3 );
		final float[] b = ( float[] ) sliceResult.getStack().getPixels( 1 );
		for ( int i = 0; i < a.length; i++ )
			assertEquals( b[ i ], a[ i ], 0 );
	}

	@Test
	public void keepsSixteenBitTypeRoundedAndSaturated()
	{
		final ImagePlus image = Pixels.random( "u16", 16, 10, 9, 1, 2, 1, 4 );
		final Kernel kernel = Kernel.of( new double[] { -9.5, 2.25, 19, 0.75 }, 2, 2 );
		final ImagePlus result = ImagePlusFilter.apply( image,
				LinearFilter.correlate( kernel ).boundary( 100.5 ), true, null );
		assertEquals( 16, result.getBitDepth() );
		assertEquals( "Correlate of u16 (constant 100.5)", result.getTitle() );
		final BruteForce.Result expected = Pixels.expected( Pixels.channel( image, 1 ),
				Pixels.dims( image ), kernel, Boundary.CONSTANT, 100.5, false, OutputSize.SAME );
		final double[] want = Pixels.rounded( expected.values, 0, 65535 );
		final double[] got = Pixels.channel( result, 1 );
		for ( int i = 0; i < want.length; i++ )
			assertEquals( want[ i ], got[ i ], 0, "pixel " + i );
		boolean high = false, low = false;
		for ( final double v : expected.values )
		{
			high |= v > 65535;
			low |= v < 0;
		}
		assertTrue( high && low, "some values saturate at each end" );
	}

	@Test
	public void rgbGivesOneFloatChannelPerColourOrStaysRgb()
	{
		final ImagePlus image = Pixels.random( "rgb", 24, 7, 6, 1, 1, 1, 5 );
		final Object[] before = Pixels.snapshot( image );
		final Kernel kernel = Kernel.of( new double[] { 0.25, 0.5, 0.125, 0.125 }, 2, 2 );
		final LinearFilter filter = LinearFilter.convolve( kernel ).boundary( Boundary.REPLICATE );
		final ImagePlus floats = ImagePlusFilter.apply( image, filter, false, null );
		final ImagePlus rgb = ImagePlusFilter.apply( image, filter, true, null );
		Pixels.assertUnchanged( before, image );
		assertEquals( 32, floats.getBitDepth() );
		assertEquals( 3, floats.getNChannels() );
		assertTrue( floats instanceof CompositeImage );
		assertEquals( 24, rgb.getBitDepth() );
		assertEquals( 1, rgb.getNChannels() );
		for ( int colour = 0; colour < 3; colour++ )
		{
			final BruteForce.Result expected = Pixels.expected( Pixels.channel( image, 1,
					colour ), Pixels.dims( image ), kernel, Boundary.REPLICATE, 0, true,
					OutputSize.SAME );
			Pixels.assertClose( expected.values, Pixels.channel( floats, colour + 1 ), 255 );
			final double[] want = Pixels.rounded( expected.values, 0, 255 );
			final double[] got = Pixels.channel( rgb, 1, colour );
			for ( int i = 0; i < want.length; i++ )
				assertEquals( want[ i ], got[ i ], 0, "colour " + colour + " pixel " + i );
		}
	}

	@Test
	public void fullAndValidResultsChangeSizeAndMoveTheOrigin()
	{
		final ImagePlus image = Pixels.random( "grow", 8, 12, 10, 1, 3, 1, 6 );
		image.getCalibration().xOrigin = 5;
		image.getCalibration().yOrigin = 1;
		final Kernel kernel = Kernel.of( new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 4, 1, 2 );
		for ( final boolean convolve : new boolean[] { false, true } )
			for ( final OutputSize size : new OutputSize[] { OutputSize.FULL,
					OutputSize.VALID } )
			{
				final LinearFilter filter = ( convolve ? LinearFilter.convolve( kernel )
						: LinearFilter.correlate( kernel ) ).boundary( Boundary.ZERO )
								.outputSize( size );
				final ImagePlus result = ImagePlusFilter.apply( image, filter, false, null );
				final BruteForce.Result expected = Pixels.expected( Pixels.channel( image, 1 ),
						Pixels.dims( image ), kernel, Boundary.ZERO, 0, convolve, size );
				final String what = ( convolve ? "convolve " : "correlate " ) + size;
				assertEquals( expected.dims[ 0 ], result.getWidth(), what );
				assertEquals( expected.dims[ 1 ], result.getHeight(), what );
				assertEquals( expected.dims[ 2 ], result.getNSlices(), what );
				assertEquals( 5 - expected.min[ 0 ], result.getCalibration().xOrigin, what );
				assertEquals( 1 - expected.min[ 1 ], result.getCalibration().yOrigin, what );
				assertEquals( -expected.min[ 2 ], result.getCalibration().zOrigin, what );
				Pixels.assertClose( expected.values, Pixels.channel( result, 1 ), 255 * 36 );
			}
	}

	@Test
	public void cancelLeavesNoResult()
	{
		final ImagePlus image = Pixels.random( "big", 8, 64, 64, 2, 4, 1, 7 );
		final AtomicBoolean asked = new AtomicBoolean();
		final FilterMonitor cancelAtOnce = new FilterMonitor()
		{
			@Override
			public boolean isCanceled()
			{
				asked.set( true );
				return true;
			}
		};
		final Object[] before = Pixels.snapshot( image );
		assertThrows( CancellationException.class, () -> ImagePlusFilter.apply( image,
				LinearFilter.convolve( ASYMMETRIC ), false, cancelAtOnce ) );
		assertTrue( asked.get() );
		Pixels.assertUnchanged( before, image );
	}

	@Test
	public void kernelWithMoreAxesThanAnImageHasIsAnError()
	{
		final ImagePlus image = Pixels.random( "2d", 8, 5, 5, 1, 1, 1, 8 );
		final Kernel fiveD = Kernel.of( new double[] { 1, 1 }, 1, 1, 1, 1, 2 );
		final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
				() -> ImagePlusFilter.apply( image, LinearFilter.convolve( fiveD ), false, null ) );
		assertTrue( e.getMessage().contains( "axes" ), e.getMessage() );
	}
}
