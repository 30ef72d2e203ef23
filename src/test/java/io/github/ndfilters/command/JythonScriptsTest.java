package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.python.util.PythonInterpreter;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;

import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Runs the two scripts shown in the README, as Fiji's Jython would, and holds
 * their results to the reference. Fiji fills the {@code #@} inputs; here the
 * test sets them as script variables.
 */
class JythonScriptsTest extends ContextTestBase
{
	@BeforeAll
	static void startJython()
	{
		final Properties options = new Properties();
		// NB: the slim Jython has no standard library, so there is no site module.
		options.setProperty( "python.import.site", "false" );
		PythonInterpreter.initialize( System.getProperties(), options, new String[ 0 ] );
	}

	@Test
	void theCommandScriptConvolvesAnImagePlusThroughTheCommandService() throws IOException
	{
		final ImagePlus image = Pixels.floats( "cells", Pixels.values( 9 * 7 ), 9, 7 );
		final double[] before = Pixels.read( image );
		try (PythonInterpreter python = new PythonInterpreter())
		{
			python.set( "command", context.service( CommandService.class ) );
			python.set( "image", image );
			run( python, "convolve_with_command.py" );
			final Kernel k = Kernel.of( new double[] { 1, 2, 1, 0, 0, 0, -1, -2, -1 }, 3, 3 );
			final BruteForce.Result expected = Pixels.expected( image, k, Boundary.MIRROR, 0,
					true, OutputSize.SAME );
			final ImagePlus result = python.get( "result", ImagePlus.class );
			assertNotNull( result, () -> logged( LogLevel.ERROR ) );
			assertArrayEquals( expected.values, Pixels.read( result ),
					1e-5 * Pixels.scale( image, k ) );
			// a Gaussian is point-symmetric: correlation equals convolution
			assertEquals( 0.0, python.get( "max_difference", Double.class ) );
		}
		assertArrayEquals( before, Pixels.read( image ) );
	}

	@Test
	void theImgLib2ScriptFiltersAThreeDimensionalImageWithoutAContext() throws IOException
	{
		final long[] dims = { 7, 6, 3 };
		final double[] values = Pixels.values( 7 * 6 * 3 );
		double largest = 0;
		for ( final double v : values )
			largest = Math.max( largest, Math.abs( v ) );
		try (PythonInterpreter python = new PythonInterpreter())
		{
			python.set( "image", ArrayImgs.doubles( values.clone(), dims ) );
			run( python, "convolve_imglib2.py" );

			final BruteForce.Result edges = BruteForce.filter( values, dims,
					new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, new int[] { 3, 3, 1 },
					new int[] { 1, 1, 0 }, modes( Boundary.MIRROR ), 0, true, OutputSize.SAME );
			assertArrayEquals( edges.values, flat( python.get( "edges",
					RandomAccessibleInterval.class ) ), 1e-5 * 8 * largest );

			final BruteForce.Result smooth = BruteForce.filter( values, dims,
					new double[] { 0.1, 0.2, 0.3, 0.4 }, new int[] { 2, 2, 1 },
					new int[] { 1, 1, 0 }, modes( Boundary.PERIODIC ), 0, false,
					OutputSize.FULL );
			final RandomAccessibleInterval< ? > result = python.get( "smooth",
					RandomAccessibleInterval.class );
			assertArrayEquals( smooth.min, result.minAsLongArray() );
			assertArrayEquals( smooth.values, flat( result ), 1e-5 * largest );
		}
	}

	private static void run( final PythonInterpreter python, final String script )
			throws IOException
	{
		try (InputStream in = JythonScriptsTest.class.getResourceAsStream( "/scripts/"
				+ script ))
		{
			assertNotNull( in, script );
			python.execfile( in, script );
		}
	}

	private static Boundary[] modes( final Boundary mode )
	{
		return new Boundary[] { mode, mode, mode };
	}

	private static double[] flat( final RandomAccessibleInterval< ? > image )
	{
		final double[] out = new double[ ( int ) Views.iterable( image ).size() ];
		int i = 0;
		for ( final Object t : Views.flatIterable( image ) )
			out[ i++ ] = ( ( RealType< ? > ) t ).getRealDouble();
		return out;
	}
}
