package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Runs every case of the oracle (expected outputs that scipy.ndimage computed
 * in float64, stored under {@code src/test/resources/oracle}) through
 * {@link LinearFilter} and demands agreement within {@code 1e-5 * scale}, the
 * precision the specification promises for a 32-bit result.
 */
class OracleTest
{
	private static final int CASES = 154;

	private static final Path ORACLE = oracleFolder();

	@TestFactory
	Stream< DynamicTest > everyCaseOfTheManifest() throws IOException
	{
		final List< Map< String, String > > cases = readManifest();
		assertEquals( CASES, cases.size(), "number of oracle cases" );
		return cases.stream().map( c -> DynamicTest.dynamicTest( c.get( "id" ), () -> run( c ) ) );
	}

	private static void run( final Map< String, String > c ) throws IOException
	{
		final long[] dims = longs( c.get( "input_dims_imglib2" ) );
		final float[] input = pixels( c.get( "input" ) );
		final float[] inputCopy = input.clone();
		final float[] expected = pixels( c.get( "expected" ) );

		final int[] kernelDims = ints( c.get( "kernel_dims_imglib2" ) );
		final double[] weights = kernelText( c.get( "kernel_txt" ) );
		final Kernel kernel = Kernel.of( weights, kernelDims );
		// The oracle's text and TIFF kernels must agree, and its centre must be ours.
		final float[] kernelTiff = pixels( c.get( "kernel_tif" ) );
		for ( int i = 0; i < weights.length; i++ )
			assertEquals( kernelTiff[ i ], ( float ) weights[ i ], "kernel text vs TIFF at " + i );
		assertArrayEquals( ints( c.get( "kernel_center_imglib2" ) ), kernel.centre(),
				"default kernel centre" );

		final Operation op = c.get( "op" ).equals( "convolve" ) ? Operation.CONVOLVE
				: Operation.CORRELATE;
		final LinearFilter filter = LinearFilter.of( op, kernel )
				.boundary( Boundary.fromToken( c.get( "boundary" ) ) );
		final RandomAccessibleInterval< FloatType > out = filter.apply(
				ArrayImgs.floats( input, dims ) );

		assertArrayEquals( dims, out.dimensionsAsLongArray(), "output shape" );
		assertArrayEquals( new long[ dims.length ], out.minAsLongArray(), "output min" );
		final double scale = Double.parseDouble( c.get( "scale" ) );
		final double[] want = new double[ expected.length ];
		for ( int i = 0; i < want.length; i++ )
			want[ i ] = expected[ i ];
		assertNull( TestImages.compareFloat( want, TestImages.values( out ), 1e-5 * scale ) );
		assertArrayEquals( inputCopy, input, "the input must not change" );

		// The one-line entry points, with the kernel TIFF as an image, agree as well.
		final RandomAccessibleInterval< FloatType > kernelImage = ArrayImgs.floats( kernelTiff,
				longs( c.get( "kernel_dims_imglib2" ) ) );
		final Boundary boundary = Boundary.fromToken( c.get( "boundary" ) );
		final RandomAccessibleInterval< FloatType > viaFilters = op == Operation.CONVOLVE
				? Filters.convolve( ArrayImgs.floats( input, dims ), kernelImage, boundary )
				: Filters.correlate( ArrayImgs.floats( input, dims ), kernelImage, boundary );
		assertNull( TestImages.compareFloat( want, TestImages.values( viaFilters ),
				1e-5 * scale ), "via Filters" );
	}

	private static List< Map< String, String > > readManifest() throws IOException
	{
		final List< String > lines = Files.readAllLines( ORACLE.resolve( "manifest.tsv" ),
				StandardCharsets.UTF_8 );
		final String[] header = lines.get( 0 ).split( "\t" );
		final List< Map< String, String > > cases = new ArrayList<>();
		for ( final String line : lines.subList( 1, lines.size() ) )
		{
			if ( line.trim().isEmpty() )
				continue;
			final String[] fields = line.split( "\t" );
			assertEquals( header.length, fields.length, "fields in manifest line " + line );
			final Map< String, String > c = new HashMap<>();
			for ( int i = 0; i < header.length; i++ )
				c.put( header[ i ], fields[ i ] );
			cases.add( c );
		}
		return cases;
	}

	/** Reads a TIFF with ImageJ 1.x; pixels x fastest, then y. */
	private static float[] pixels( final String relativePath )
	{
		final ImagePlus imp = new Opener().openImage( ORACLE.resolve( relativePath ).toString() );
		assertNotNull( imp, "cannot open " + relativePath );
		assertEquals( 1, imp.getStackSize(), relativePath + " should be a single plane" );
		final ImageProcessor ip = imp.getProcessor();
		final float[] out = new float[ ip.getPixelCount() ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ip.getf( i );
		return out;
	}

	/** Kernel text: numbers separated by white space or commas, rows along y. */
	private static double[] kernelText( final String relativePath ) throws IOException
	{
		final String text = new String( Files.readAllBytes( ORACLE.resolve( relativePath ) ),
				StandardCharsets.UTF_8 );
		return Arrays.stream( text.trim().split( "[\\s,]+" ) ).mapToDouble( Double::parseDouble )
				.toArray();
	}

	private static long[] longs( final String list )
	{
		return Arrays.stream( list.trim().split( "\\s+" ) ).mapToLong( Long::parseLong ).toArray();
	}

	private static int[] ints( final String list )
	{
		return Arrays.stream( list.trim().split( "\\s+" ) ).mapToInt( Integer::parseInt ).toArray();
	}

	private static Path oracleFolder()
	{
		final URL url = OracleTest.class.getResource( "/oracle/manifest.tsv" );
		if ( url == null )
			throw new IllegalStateException( "The oracle is missing from the test resources." );
		try
		{
			return Paths.get( url.toURI() ).getParent();
		}
		catch ( final URISyntaxException e )
		{
			throw new IllegalStateException( e );
		}
	}
}
