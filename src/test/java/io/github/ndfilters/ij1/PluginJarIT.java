package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;

/**
 * End to end: installs the packaged plugin jar and its runtime dependencies
 * into a plain ImageJ 1.x folder, runs {@code src/test/resources/e2e/filters.ijm}
 * with {@code java -jar ij.jar -batch} (under {@code xvfb-run} when there is no
 * display) and checks the saved TIFFs against {@link io.github.ndfilters.core.BruteForce}.
 * <p>
 * Runs in Maven's {@code integration-test} phase, after {@code package} has
 * made the jar and laid out {@code target/imagej} (ij.jar and
 * {@code plugins/jars}).
 * </p>
 */
public class PluginJarIT
{
	private static final long TIMEOUT_SECONDS = 300;

	private static Path base;

	private static Path out;

	private static String log;

	@BeforeAll
	public static void runMacro() throws Exception
	{
		base = Path.of( System.getProperty( "basedir", "." ) ).toAbsolutePath();
		final Path target = base.resolve( "target" );
		final Path ij = base.resolve( "target/e2e/ImageJ" );
		out = base.resolve( "target/e2e/results" );
		deleteTree( base.resolve( "target/e2e" ) );
		Files.createDirectories( ij.resolve( "plugins/jars" ) );
		Files.createDirectories( out );
		Files.copy( pluginJar( target ), ij.resolve( "plugins" ).resolve( pluginJar( target )
				.getFileName() ) );
		try ( Stream< Path > jars = Files.list( target.resolve( "imagej/plugins/jars" ) ) )
		{
			for ( final Path jar : ( Iterable< Path > ) jars::iterator )
				Files.copy( jar, ij.resolve( "plugins/jars" ).resolve( jar.getFileName() ) );
		}
		Files.copy( target.resolve( "imagej/ij.jar" ), ij.resolve( "ij.jar" ),
				StandardCopyOption.REPLACE_EXISTING );

		final List< String > command = displayAndJava();
		command.add( "-jar" );
		command.add( ij.resolve( "ij.jar" ).toString() );
		command.add( "-ijpath" );
		command.add( ij.toString() );
		command.add( "-batch" );
		command.add( base.resolve( "src/test/resources/e2e/filters.ijm" ).toString() );
		command.add( base.resolve( "src/test/resources/images" ) + File.separator + "|" + out
				+ File.separator );
		log = run( command, ij, base.resolve( "target/e2e/imagej-output.txt" ) );
		assertTrue( log.contains( "END OF MACRO" ), log );
	}

	/**
	 * A person fills in the dialog with the Recorder open; the recorded line
	 * (kernel text over two lines, a bare {@code normalize}) replays to the
	 * same pixels.
	 */
	@Test
	public void recordedDialogLineReplaysIdentically() throws Exception
	{
		final Path ij = base.resolve( "target/e2e/ImageJ" );
		final List< String > command = displayAndJava();
		command.add( "-Dplugins.dir=" + ij );
		command.add( "-cp" );
		command.add( ij.resolve( "ij.jar" ) + File.pathSeparator + base.resolve(
				"target/test-classes" ) );
		command.add( RecordAndReplay.class.getName() );
		command.add( base.resolve( "src/test/resources/images/coins_u8.tif" ).toString() );
		final String output = run( command, ij, base.resolve( "target/e2e/recorder-output.txt" ) );
		assertTrue( output.contains( "RECORDED run(\"Convolve (n-D)...\", \"image=coins_u8.tif"
				+ " kernel=[1 2\\n3 4] boundary=mirror" ), output );
		assertTrue( output.contains( " normalize " ), output );
		assertTrue( output.contains( "SAME PIXELS true" ), output );
	}

	/** @return the start of a command line running Java on a display, real or virtual */
	private static List< String > displayAndJava()
	{
		final List< String > command = new ArrayList<>();
		if ( System.getenv( "DISPLAY" ) == null )
		{
			if ( !onPath( "xvfb-run" ) )
				throw new IllegalStateException( "There is no display and no xvfb-run; install"
						+ " it (Debian: apt-get install xvfb) to run the end-to-end test." );
			command.add( "xvfb-run" );
			command.add( "-a" );
		}
		command.add( Path.of( System.getProperty( "java.home" ), "bin", "java" ).toString() );
		return command;
	}

	/** Runs a process to its end, or kills it after the timeout; returns its output. */
	private static String run( final List< String > command, final Path dir, final Path output )
			throws IOException, InterruptedException
	{
		final Process process = new ProcessBuilder( command ).directory( dir.toFile() )
				.redirectErrorStream( true ).redirectOutput( output.toFile() ).start();
		if ( !process.waitFor( TIMEOUT_SECONDS, TimeUnit.SECONDS ) )
		{
			process.descendants().forEach( ProcessHandle::destroyForcibly );
			process.destroyForcibly();
			throw new AssertionError( "The process did not end within " + TIMEOUT_SECONDS
					+ " s: " + command + "\nOutput so far:\n" + Files.readString( output ) );
		}
		final String text = Files.readString( output, StandardCharsets.UTF_8 );
		assertEquals( 0, process.exitValue(), text );
		return text;
	}

	@Test
	public void correlateAndConvolveCoinsWithEvenAsymmetricKernel()
	{
		final ImagePlus coins = input( "coins_u8.tif" );
		final Kernel k = Kernel.of( new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2 );
		for ( final boolean convolve : new boolean[] { false, true } )
		{
			final ImagePlus result = result( convolve ? "coins_convolve.tif"
					: "coins_correlate.tif" );
			assertEquals( 32, result.getBitDepth() );
			Pixels.assertClose( expected( coins, 1, k, Boundary.MIRROR, convolve,
					OutputSize.SAME ), Pixels.channel( result, 1 ), 255 * 21 );
		}
	}

	@Test
	public void kernelGivenAsImage()
	{
		final Kernel psf = Kernel.of( new double[] { 0, 1, 0.5, 2, 4, 1, 0, 0.25, 1 }, 3, 3 );
		Pixels.assertClose( expected( input( "coins_u8.tif" ), 1, psf, Boundary.ZERO, true,
				OutputSize.SAME ), Pixels.channel( result( "coins_convolve_psf.tif" ), 1 ),
				255 * 10 );
	}

	@Test
	public void gaussianResidualIsExactlyZero()
	{
		for ( final double v : Pixels.channel( result( "coins_compare_gaussian.tif" ), 1 ) )
			assertEquals( 0, v, 0 );
		assertTrue( log.contains( "gaussian: max=0 differing=0" ), log );
	}

	@Test
	public void sobelResidualIsTwiceTheCorrelation()
	{
		final double[] correlation = Pixels.channel( result( "coins_correlate_sobel.tif" ), 1 );
		final Kernel sobel = Kernel.of( new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, 3, 3 );
		Pixels.assertClose( expected( input( "coins_u8.tif" ), 1, sobel, Boundary.SYMMETRIC,
				false, OutputSize.SAME ), correlation, 255 * 8 );
		final double[] residual = Pixels.channel( result( "coins_compare_sobel.tif" ), 1 );
		for ( int i = 0; i < residual.length; i++ )
			assertEquals( 2 * correlation[ i ], residual[ i ], 0, "pixel " + i );
		assertTrue( Pixels.maxAbs( residual ) > 0 );
	}

	@Test
	public void boxResidualIsNotZero()
	{
		final ImagePlus coins = input( "coins_u8.tif" );
		final Kernel box = Kernel.of( new double[] { 1, 1, 1, 1 }, 2, 2 );
		final double[] corr = expected( coins, 1, box, Boundary.SYMMETRIC, false,
				OutputSize.SAME );
		final double[] conv = expected( coins, 1, box, Boundary.SYMMETRIC, true,
				OutputSize.SAME );
		final double[] difference = new double[ corr.length ];
		for ( int i = 0; i < corr.length; i++ )
			difference[ i ] = corr[ i ] - conv[ i ];
		final double[] residual = Pixels.channel( result( "coins_compare_box.tif" ), 1 );
		assertTrue( Pixels.maxAbs( residual ) > 0 );
		Pixels.assertClose( difference, residual, 255 * 4 );
		assertTrue( !log.contains( "box: max=0 " ) && log.contains( "box: max=" ), log );
	}

	@Test
	public void stackWith3DKernelImageKeeps16Bit()
	{
		final ImagePlus mri = input( "mri_s0_u16.tif" );
		final double[] w = new double[ 27 ];
		for ( int z = 1, i = 0; z <= 3; z++ )
			for ( int y = 0; y < 3; y++ )
				for ( int x = 0; x < 3; x++ )
					w[ i++ ] = ( x + 1 ) * ( y + 2 ) * z / 60.0;
		final ImagePlus result = result( "mri_convolve_psf3d.tif" );
		assertEquals( 16, result.getBitDepth() );
		assertEquals( 10, result.getNSlices() );
		final double[] exact = expected( mri, 1, Kernel.of( w, 3, 3, 3 ), Boundary.SYMMETRIC,
				true, OutputSize.SAME );
		final double[] want = Pixels.rounded( exact, 0, 65535 );
		final double[] got = Pixels.channel( result, 1 );
		for ( int i = 0; i < want.length; i++ )
		{
			// NB: a sum within rounding error of .5 may round either way.
			final boolean tie = Math.abs( Math.abs( exact[ i ] % 1 ) - 0.5 ) < 1e-6;
			assertEquals( want[ i ], got[ i ], tie ? 1 : 0, "pixel " + i );
		}
	}

	@Test
	public void channelsAreFilteredOneByOne()
	{
		final ImagePlus ihc = input( "ihc_rgb_u8.tif" );
		final ImagePlus result = result( "ihc_correlate.tif" );
		assertEquals( ihc.getNChannels(), result.getNChannels() );
		assertEquals( 32, result.getBitDepth() );
		for ( int c = 1; c <= ihc.getNChannels(); c++ )
			Pixels.assertClose( expected( ihc, c, Kernel.line( -1, 0, 2 ), Boundary.REPLICATE,
					false, OutputSize.SAME ), Pixels.channel( result, c ), 255 * 3 );
	}

	@Test
	public void fourDimensionalKernelImageWithFullOutput()
	{
		final ImagePlus fmri = input( "fmri_4d_u16.tif" );
		final double[] w = new double[ 16 ];
		for ( int i = 0; i < 16; i++ )
			w[ i ] = i + 1;
		final ImagePlus result = result( "fmri_convolve_k4.tif" );
		assertArrayEquals( new long[] { fmri.getWidth() + 1, fmri.getHeight() + 1,
				fmri.getNSlices() + 1, fmri.getNFrames() + 1 }, Pixels.dims( result ) );
		Pixels.assertClose( expected( fmri, 1, Kernel.of( w, 2, 2, 2, 2 ), Boundary.PERIODIC,
				true, OutputSize.FULL ), Pixels.channel( result, 1 ), 65535 * 136 );
	}

	@Test
	public void badKernelEndsWithMessageInLog()
	{
		assertTrue( log.contains( "Convolve (n-D) error: Kernel row 2 has 2 values" ), log );
		assertTrue( log.contains( "after the bad kernel, the current image is fmri_4d_u16.tif" ),
				log );
	}

	private static double[] expected( final ImagePlus image, final int channel,
			final Kernel kernel, final Boundary boundary, final boolean convolve,
			final OutputSize size )
	{
		return Pixels.expected( Pixels.channel( image, channel ), Pixels.dims( image ), kernel,
				boundary, 0, convolve, size ).values;
	}

	private static ImagePlus input( final String name )
	{
		final ImagePlus image = IJ.openImage( base.resolve( "src/test/resources/images" )
				.resolve( name ).toString() );
		assertNotNull( image, name );
		return image;
	}

	private static ImagePlus result( final String name )
	{
		final ImagePlus image = IJ.openImage( out.resolve( name ).toString() );
		assertNotNull( image, "the macro saved no " + name + "; its output:\n" + log );
		return image;
	}

	private static Path pluginJar( final Path target ) throws IOException
	{
		try ( Stream< Path > files = Files.list( target ) )
		{
			return files.filter( p -> {
				final String n = p.getFileName().toString();
				return n.startsWith( "Correlate_Convolve_nD-" ) && n.endsWith( ".jar" )
						&& !n.endsWith( "-sources.jar" ) && !n.endsWith( "-tests.jar" )
						&& !n.endsWith( "-javadoc.jar" );
			} ).findFirst().orElseThrow( () -> new IllegalStateException( "No plugin jar in "
					+ target + "; run mvn package (or verify) first." ) );
		}
	}

	private static boolean onPath( final String program )
	{
		for ( final String dir : System.getenv( "PATH" ).split( File.pathSeparator ) )
			if ( Files.isExecutable( Path.of( dir, program ) ) )
				return true;
		return false;
	}

	private static void deleteTree( final Path dir ) throws IOException
	{
		if ( !Files.exists( dir ) )
			return;
		try ( Stream< Path > paths = Files.walk( dir ) )
		{
			final Iterable< Path > deepestFirst = paths.sorted( ( a, b ) -> b.compareTo( a ) )
					::iterator;
			for ( final Path p : deepestFirst )
				Files.delete( p );
		}
	}
}
