package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.VirtualStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.LUT;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;

/**
 * Images at the edges of what the ImageJ 1.x commands take, run by a batch
 * macro: each gives the reference result and leaves its input as it was.
 */
public class MacroUnusualImagesTest
{
	private static final String ASYMMETRIC = "1 2 3\n4 5 6\n7 8 9";

	@AfterEach
	public void closeImages()
	{
		MacroRun.closeAll();
	}

	/**
	 * One pixel of value 7 under the 3 x 3 kernel 1..9: the centre weight 5
	 * meets the pixel; the other 40 meet what the boundary puts beyond it,
	 * which is the pixel itself except for zero and constant.
	 */
	@Test
	public void aOnePixelImageIsFilteredByHand()
	{
		final ImagePlus image = new ImagePlus( "dot", new ByteProcessor( 1, 1, new byte[] { 7 } ) );
		final String[][] cases = { { "zero", "35" }, { "constant value=2", "115" },
				{ "replicate", "315" }, { "symmetric", "315" }, { "mirror", "315" },
				{ "periodic", "315" } };
		for ( final String[] c : cases )
		{
			MacroRun.open( image );
			final ImagePlus out = filtered( new Convolve_nD(), image, "kernel=[" + ASYMMETRIC
					+ "] boundary=" + c[ 0 ] );
			assertEquals( 1, out.getWidth() * out.getHeight() * out.getStackSize(), c[ 0 ] );
			assertEquals( Double.parseDouble( c[ 1 ] ), out.getProcessor().getf( 0 ), c[ 0 ] );
			MacroRun.closeAll();
		}
		// A 1 x 1 kernel leaves one valid position; full grows to the kernel's size.
		MacroRun.open( image );
		assertEquals( 14, filtered( new Correlate_nD(), image,
				"image=dot kernel=2 output=valid" ).getProcessor().getf( 0 ) );
		final ImagePlus full = filtered( new Correlate_nD(), image, "image=dot kernel=["
				+ ASYMMETRIC + "] output=full boundary=zero" );
		assertEquals( 3, full.getWidth() );
		assertEquals( 3, full.getHeight() );
		// Correlation mirrors the kernel: the pixel sits under weight 9 at the top left.
		assertEquals( 63, full.getProcessor().getf( 0, 0 ) );
	}

	@Test
	public void aOnePixelHighLineTakesATwoDimensionalKernelInEveryMode()
	{
		final ImagePlus line = Pixels.random( "line", 32, 9, 1, 1, 1, 1, 51 );
		final Kernel k = Kernel.of( new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 3, 3 );
		for ( final Boundary mode : Boundary.values() )
			for ( final OutputSize size : OutputSize.values() )
			{
				if ( size == OutputSize.VALID )
					continue; // NB: refused for a 3-row kernel; the bad-input test shows that.
				MacroRun.open( line );
				final ImagePlus out = filtered( new Convolve_nD(), line, "kernel=[" + ASYMMETRIC
						+ "] boundary=" + mode.token() + " value=-3 output=" + size.token() );
				final BruteForce.Result expected = Pixels.expected( Pixels.channel( line, 1 ),
						Pixels.dims( line ), k, mode, -3, true, size );
				assertEquals( expected.dims[ 1 ], out.getHeight(), mode + " " + size );
				Pixels.assertClose( expected.values, Pixels.channel( out, 1 ), 300 * 45 );
				MacroRun.closeAll();
			}
	}

	@Test
	public void aVirtualStackIsReadAndNeverWritten( @TempDir final Path dir ) throws Exception
	{
		final ImagePlus source = Pixels.random( "planes", 8, 7, 6, 1, 3, 1, 52 );
		final VirtualStack stack = new VirtualStack( 7, 6, null, dir + File.separator );
		for ( int z = 1; z <= 3; z++ )
		{
			IJ.saveAsTiff( new ImagePlus( "p" + z, source.getStack().getProcessor( z ) ), dir
					.resolve( "p" + z + ".tif" ).toString() );
			stack.addSlice( "p" + z + ".tif" );
		}
		final byte[][] files = new byte[ 3 ][];
		for ( int z = 1; z <= 3; z++ )
			files[ z - 1 ] = Files.readAllBytes( dir.resolve( "p" + z + ".tif" ) );
		final ImagePlus virtual = new ImagePlus( "virtual planes", stack );
		MacroRun.open( virtual );
		final ImagePlus out = filtered( new Convolve_nD(), virtual,
				"image=[virtual planes] kernel=[1 2\n3 4\n\n-1 0\n2 1] type=input" );
		assertEquals( 8, out.getBitDepth() );
		assertFalse( out.getStack().isVirtual() );
		final Kernel k = Kernel.of( new double[] { 1, 2, 3, 4, -1, 0, 2, 1 }, 2, 2, 2 );
		assertArrayEquals( Pixels.rounded( Pixels.expected( Pixels.channel( source, 1 ), Pixels
				.dims( source ), k, Boundary.SYMMETRIC, 0, true, OutputSize.SAME ).values, 0,
				255 ), Pixels.channel( out, 1 ) );
		for ( int z = 1; z <= 3; z++ )
			assertArrayEquals( files[ z - 1 ], Files.readAllBytes( dir.resolve( "p" + z
					+ ".tif" ) ), "file of plane " + z );
	}

	@Test
	public void aCompositeImageKeepsItsModeAndColoursAndEachChannelIsFilteredAlone()
	{
		final ImagePlus plain = Pixels.random( "two colours", 16, 8, 7, 2, 3, 1, 53 );
		final CompositeImage composite = new CompositeImage( plain, CompositeImage.COLOR );
		composite.setChannelLut( LUT.createLutFromColor( Color.MAGENTA ), 1 );
		composite.setChannelLut( LUT.createLutFromColor( Color.CYAN ), 2 );
		MacroRun.open( composite );
		final String text = "1 2\n3 4\n\n0 -1\n2 0.5";
		final ImagePlus out = filtered( new Correlate_nD(), composite,
				"image=[two colours] kernel=[" + text + "] boundary=mirror" );
		assertTrue( out instanceof CompositeImage );
		assertEquals( CompositeImage.COLOR, ( ( CompositeImage ) out ).getMode() );
		assertEquals( 2, out.getNChannels() );
		assertEquals( 3, out.getNSlices() );
		assertEquals( Color.MAGENTA.getRGB(), ( ( CompositeImage ) out ).getChannelLut( 1 )
				.getRGB( 255 ) );
		assertEquals( Color.CYAN.getRGB(), ( ( CompositeImage ) out ).getChannelLut( 2 )
				.getRGB( 255 ) );
		final Kernel k = Kernel.of( new double[] { 1, 2, 3, 4, 0, -1, 2, 0.5 }, 2, 2, 2 );
		for ( int c = 1; c <= 2; c++ )
			Pixels.assertClose( Pixels.expected( Pixels.channel( composite, c ), Pixels.dims(
					composite ), k, Boundary.MIRROR, 0, false, OutputSize.SAME ).values, Pixels
							.channel( out, c ), 4096 * 14 );
	}

	@Test
	public void anRgbImageIsFilteredPerColour()
	{
		final ImagePlus rgb = Pixels.random( "colour photo", 24, 6, 5, 1, 1, 1, 54 );
		final Kernel k = Kernel.of( new double[] { 0.5, 0.25, 0.25 }, 3 );
		MacroRun.open( rgb );
		final ImagePlus floats = filtered( new Convolve_nD(), rgb,
				"image=[colour photo] kernel=[0.5 0.25 0.25]" );
		final ImagePlus kept = filtered( new Convolve_nD(), rgb,
				"image=[colour photo] kernel=[0.5 0.25 0.25] type=input" );
		assertEquals( 32, floats.getBitDepth() );
		assertEquals( 3, floats.getNChannels() );
		assertEquals( 24, kept.getBitDepth() );
		for ( int colour = 0; colour < 3; colour++ )
		{
			final double[] expected = Pixels.expected( Pixels.channel( rgb, 1, colour ), Pixels
					.dims( rgb ), k, Boundary.SYMMETRIC, 0, true, OutputSize.SAME ).values;
			Pixels.assertClose( expected, Pixels.channel( floats, colour + 1 ), 255 );
			assertArrayEquals( Pixels.rounded( expected, 0, 255 ), Pixels.channel( kept, 1,
					colour ), "colour " + colour );
		}
	}

	/**
	 * A selection is ignored: the whole image is filtered, the result has no
	 * selection, the input keeps its own, and the log says so.
	 */
	@Test
	public void aSelectionIsIgnoredAndTheLogSaysSo()
	{
		final ImagePlus image = Pixels.random( "selected", 8, 10, 8, 1, 1, 1, 55 );
		final ImagePlus unselected = filteredAlone( image );
		final Roi oval = new OvalRoi( 2, 1, 5, 4 );
		image.setRoi( oval );
		for ( final NdFilterPlugIn command : new NdFilterPlugIn[] { new Convolve_nD(),
				new Compare_nD() } )
		{
			MacroRun.open( image );
			final MacroRun run = MacroRun.run( command, "kernel=[" + ASYMMETRIC + "]" );
			assertTrue( run.log.contains( "The selection is ignored; the whole image is"
					+ " filtered" ), run.log );
			assertNotSame( image, run.current );
			assertNull( run.current.getRoi() );
			assertSame( oval, image.getRoi() );
			assertEquals( new Rectangle( 2, 1, 5, 4 ), image.getRoi().getBounds() );
			if ( command instanceof Convolve_nD )
				assertArrayEquals( Pixels.channel( unselected, 1 ), Pixels.channel( run.current,
						1 ) );
			MacroRun.closeAll();
		}
	}

	/**
	 * Titles with spaces, brackets or an equals sign, in brackets as ImageJ
	 * records them, name the image and the kernel image.
	 */
	@Test
	public void titlesWithSpacesBracketsAndEqualsSigns()
	{
		final String[] titles = { "cells 1.tif", "cells (1).tif", "cells [1].tif",
				"ratio=2 cells.tif", "a b=c [d]" };
		final ImagePlus psf = new ImagePlus( "psf (small) [2x1]=x.tif", new ByteProcessor( 2, 1,
				new byte[] { 3, 1 } ) );
		final Kernel k = Kernel.of( new double[] { 3, 1 }, 2 );
		for ( final String title : titles )
		{
			final ImagePlus image = Pixels.random( title, 8, 6, 4, 1, 1, 1, 56 );
			final ImagePlus decoy = Pixels.random( "decoy", 8, 6, 4, 1, 1, 1, 57 );
			MacroRun.open( psf, image, decoy );
			final ImagePlus out = filtered( new Convolve_nD(), image, "image=[" + title
					+ "] kernel=[" + psf.getTitle() + "] boundary=zero" );
			assertTrue( out.getTitle().contains( title ), out.getTitle() );
			Pixels.assertClose( Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims(
					image ), k, Boundary.ZERO, 0, true, OutputSize.SAME ).values, Pixels.channel(
							out, 1 ), 255 * 4 );
			MacroRun.closeAll();
		}
	}

	// -- Helpers --

	/** Runs a command, checks it made a new image and left the input alone. */
	private static ImagePlus filtered( final NdFilterPlugIn command, final ImagePlus image,
			final String options )
	{
		final Object[] before = Pixels.snapshot( image );
		final MacroRun run = MacroRun.run( command, options );
		assertNotNull( run.current, options + ": " + run.log );
		assertNotSame( image, run.current, options + ": no result; log: " + run.log );
		assertFalse( run.log.contains( "error" ), options + ": " + run.log );
		Pixels.assertUnchanged( before, image );
		return run.current;
	}

	private static ImagePlus filteredAlone( final ImagePlus image )
	{
		MacroRun.open( image );
		final ImagePlus out = filtered( new Convolve_nD(), image, "kernel=[" + ASYMMETRIC
				+ "]" );
		MacroRun.closeAll();
		return out;
	}
}
