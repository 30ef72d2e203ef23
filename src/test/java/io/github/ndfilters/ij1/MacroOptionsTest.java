package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;

/**
 * The ImageJ 1.x commands driven by macro options, as recorded lines replay
 * them.
 */
public class MacroOptionsTest
{
	@AfterEach
	public void closeImages()
	{
		MacroRun.closeAll();
	}

	@Test
	public void bareAndFijiStyleBooleansReplayIdentically()
	{
		final ImagePlus image = Pixels.random( "in.tif", 8, 12, 10, 1, 1, 1, 21 );
		MacroRun.open( image );
		final String common = "image=in.tif kernel=[1 2\n3 4] boundary=mirror";
		final ImagePlus bare = MacroRun.run( new Convolve_nD(), common + " normalize" ).current;
		final ImagePlus fiji = MacroRun.run( new Convolve_nD(), common + " normalize=true" )
				.current;
		final ImagePlus off = MacroRun.run( new Convolve_nD(), common + " normalize=false" )
				.current;
		final Kernel tenth = Kernel.of( new double[] { 0.1, 0.2, 0.3, 0.4 }, 2, 2 );
		final double[] expected = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims(
				image ), tenth, Boundary.MIRROR, 0, true, OutputSize.SAME ).values;
		Pixels.assertClose( expected, Pixels.channel( bare, 1 ), 255 );
		assertArrayEquals( Pixels.channel( bare, 1 ), Pixels.channel( fiji, 1 ) );
		Pixels.assertClose( times( expected, 10 ), Pixels.channel( off, 1 ), 2550 );
	}

	@Test
	public void resultBecomesTheCurrentImageAndOptionsAreRead()
	{
		final ImagePlus image = Pixels.random( "u16 stack.tif", 16, 9, 8, 1, 3, 1, 22 );
		final ImagePlus other = Pixels.random( "other", 8, 4, 4, 1, 1, 1, 23 );
		MacroRun.open( image, other );
		final MacroRun run = MacroRun.run( new Correlate_nD(), "image=[u16 stack.tif] "
				+ "kernel=[1 2 3] boundary=constant value=7 output=full type=input center=0" );
		assertNotNull( run.current, run.log );
		assertNotSame( other, run.current );
		assertEquals( 16, run.current.getBitDepth() );
		assertEquals( 9 + 2, run.current.getWidth() );
		final Kernel k = Kernel.of( new double[] { 1, 2, 3 }, 3 ).withCentre( 0 );
		final double[] expected = Pixels.rounded( Pixels.expected( Pixels.channel( image, 1 ),
				Pixels.dims( image ), k, Boundary.CONSTANT, 7, false, OutputSize.FULL ).values, 0,
				65535 );
		assertArrayEquals( expected, Pixels.channel( run.current, 1 ) );
	}

	@Test
	public void kernelImageByTitleWinsOverPreset()
	{
		final ImagePlus image = Pixels.random( "img", 32, 6, 5, 1, 1, 1, 24 );
		final ImagePlus kernel = new ImagePlus( "sobel-x", new FloatProcessor( 2, 1,
				new float[] { 3, -1 } ) );
		MacroRun.open( kernel, image );
		final Object[] before = Pixels.snapshot( kernel );
		final ImagePlus result = MacroRun.run( new Convolve_nD(),
				"image=img kernel=sobel-x boundary=periodic" ).current;
		final double[] expected = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims(
				image ), Kernel.of( new double[] { 3, -1 }, 2, 1 ), Boundary.PERIODIC, 0, true,
				OutputSize.SAME ).values;
		Pixels.assertClose( expected, Pixels.channel( result, 1 ), 400 );
		Pixels.assertUnchanged( before, kernel );
	}

	@Test
	public void aLineRecordedFromTheFijiFormReplaysWithItsPickedKernelImage()
	{
		final ImagePlus image = Pixels.random( "img", 32, 6, 5, 1, 1, 1, 29 );
		final ImagePlus kernel = new ImagePlus( "psf", new FloatProcessor( 2, 2,
				new float[] { 3, -1, 0.5f, 2 } ) );
		MacroRun.open( kernel, image );
		final ImagePlus picked = MacroRun.run( new Correlate_nD(),
				"image=img kernel=[1 2 1] kernelimage=psf boundary=replicate" ).current;
		final double[] expected = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims(
				image ), Kernel.of( new double[] { 3, -1, 0.5, 2 }, 2, 2 ), Boundary.REPLICATE,
				0, false, OutputSize.SAME ).values;
		Pixels.assertClose( expected, Pixels.channel( picked, 1 ), 400 );
		final ImagePlus text = MacroRun.run( new Correlate_nD(),
				"image=img kernel=[1 2 1] boundary=replicate" ).current;
		Pixels.assertClose( Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims( image ),
				Kernel.of( new double[] { 1, 2, 1 }, 3 ), Boundary.REPLICATE, 0, false,
				OutputSize.SAME ).values, Pixels.channel( text, 1 ), 400 );
	}

	@Test
	public void presetIsUsedWhenNoImageHasThatTitle()
	{
		final ImagePlus image = Pixels.random( "img", 8, 6, 5, 1, 1, 1, 25 );
		MacroRun.open( image );
		final ImagePlus result = MacroRun.run( new Correlate_nD(), "kernel=sobel-x" ).current;
		final Kernel sobel = Kernel.of( new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, 3, 3 );
		final double[] expected = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims(
				image ), sobel, Boundary.SYMMETRIC, 0, false, OutputSize.SAME ).values;
		Pixels.assertClose( expected, Pixels.channel( result, 1 ), 255 * 8 );
	}

	@Test
	public void badKernelIsLoggedAndLeavesNoResult()
	{
		final ImagePlus image = Pixels.random( "img", 8, 6, 5, 1, 1, 1, 26 );
		MacroRun.open( image );
		final MacroRun run = MacroRun.run( new Convolve_nD(), "image=img kernel=[1 2 3\n4 5]" );
		assertSame( image, run.current, "no new image" );
		assertTrue( run.log.contains( "Convolve (n-D) error" ) && run.log.contains( "row 2" ),
				run.log );
	}

	@Test
	public void badOptionsAreLoggedNamingWhatIsAllowed()
	{
		final ImagePlus image = Pixels.random( "img", 8, 6, 5, 1, 1, 1, 27 );
		MacroRun.open( image );
		final String boundary = MacroRun.run( new Convolve_nD(),
				"kernel=[1 1] boundary=wrap" ).log;
		assertTrue( boundary.contains( "wrap" ) && boundary.contains( "periodic" ), boundary );
		final String title = MacroRun.run( new Convolve_nD(), "image=nope kernel=[1 1]" ).log;
		assertTrue( title.contains( "'nope'" ), title );
		final String missing = MacroRun.run( new Convolve_nD(), "image=img" ).log;
		assertTrue( missing.contains( "no kernel" ), missing );
		final String flag = MacroRun.run( new Convolve_nD(), "kernel=[1 1] normalize=yes" ).log;
		assertTrue( flag.contains( "normalize=true" ), flag );
		final String words = MacroRun.run( new Convolve_nD(), "kernel=psf.tif" ).log;
		assertTrue( words.contains( "not the title of an open image" ), words );
		assertSame( image, MacroRun.run( new Convolve_nD(), "kernel=[1 x]" ).current );
	}

	@Test
	public void compareWritesFiguresToTheResultsTableAndLog()
	{
		final ImagePlus image = Pixels.random( "coins", 8, 14, 12, 1, 1, 1, 28 );
		MacroRun.open( image );
		final ResultsTable table = ResultsTable.getResultsTable();
		table.reset();
		final MacroRun run = MacroRun.run( new Compare_nD(), "image=coins kernel=sobel-x" );
		final double[] correlation = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims(
				image ), Kernel.of( new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, 3, 3 ),
				Boundary.SYMMETRIC, 0, false, OutputSize.SAME ).values;
		assertEquals( 1, table.size() );
		assertEquals( 2 * Pixels.maxAbs( correlation ), table.getValue( "Max abs difference",
				0 ), 0 );
		assertTrue( run.log.contains( "differing pixels" ), run.log );
		assertEquals( 32, run.current.getBitDepth() );
		assertArrayEquals( times( correlation, 2 ), Pixels.channel( run.current, 1 ) );
	}

	private static double[] times( final double[] values, final double factor )
	{
		final double[] r = new double[ values.length ];
		for ( int i = 0; i < r.length; i++ )
			r[ i ] = values[ i ] * factor;
		return r;
	}
}
