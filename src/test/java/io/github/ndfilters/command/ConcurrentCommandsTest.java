package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;
import org.scijava.log.LogLevel;

import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.FilterMonitor;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.ij1.ImagePlusFilter;
import io.github.ndfilters.kernel.KernelPresets;
import io.github.ndfilters.kernel.KernelText;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Eight threads at once, each running one of the front doors (the SciJava
 * commands, the ImageJ 1.x bridge, the core) on its own image, kernel and
 * options, three times over: every run gives exactly what the same job gives
 * alone, and no input changes. A setting or buffer shared between runs would
 * show up as a difference.
 */
class ConcurrentCommandsTest extends ContextTestBase
{
	@Test
	void eightThreadsAtOnceGiveWhatEachJobGivesAlone() throws Exception
	{
		final List< Callable< float[] > > jobs = jobs();
		final List< float[] > alone = new ArrayList<>();
		for ( final Callable< float[] > job : jobs )
			alone.add( job.call() );
		final ExecutorService pool = Executors.newFixedThreadPool( jobs.size() );
		try
		{
			final CountDownLatch start = new CountDownLatch( 1 );
			final List< Future< List< float[] > > > runs = new ArrayList<>();
			for ( final Callable< float[] > job : jobs )
				runs.add( pool.submit( () -> {
					start.await();
					final List< float[] > results = new ArrayList<>();
					for ( int repeat = 0; repeat < 3; repeat++ )
						results.add( job.call() );
					return results;
				} ) );
			start.countDown();
			for ( int j = 0; j < jobs.size(); j++ )
				for ( final float[] result : runs.get( j ).get() )
					assertArrayEquals( alone.get( j ), result, "job " + j );
		}
		finally
		{
			pool.shutdownNow();
		}
		assertEquals( "", logged( LogLevel.ERROR ) );
	}

	/** Eight jobs, each returning its result's pixels and checking its input. */
	private static List< Callable< float[] > > jobs()
	{
		final List< Callable< float[] > > jobs = new ArrayList<>();
		final String[] kernels = { "1 2 -1\n0 3 1.5", "box 5", "1 2\n3 4\n\n-1 0\n2 1",
				"sobel-x", "gaussian 1.5", "0.5 -0.25 1 2", "laplacian", "1 0\n0 -1" };
		final String[] boundaries = { "zero", "constant", "replicate", "symmetric", "mirror",
				"periodic", "symmetric", "mirror" };
		final String[] outputs = { "same", "full", "valid", "same", "full", "same", "valid",
				"full" };
		for ( int j = 0; j < 8; j++ )
		{
			final int i = j;
			final int w = 40 + 3 * i, h = 30 + i, d = 1 + i % 3 * 4;
			final ImagePlus image = Pixels.floats( "image " + i, shifted( Pixels.values( w * h
					* d ), i ), w, h, d );
			final String kernel = kernels[ i ], boundary = boundaries[ i ], output = outputs[ i ];
			final double value = i - 2.5;
			switch ( i % 4 )
			{
			case 0:
				jobs.add( checked( image, () -> command( i % 8 == 0 ? ConvolveCommand.class
						: CorrelateCommand.class, "result", image, kernel, boundary, value,
						output ) ) );
				break;
			case 1:
				jobs.add( checked( image, () -> command( CompareCommand.class, "residual", image,
						kernel, boundary, value, output ) ) );
				break;
			case 2:
				jobs.add( checked( image, () -> pixels( ImagePlusFilter.apply( image,
						filter( i, kernel, boundary, value, output ), i == 6,
						FilterMonitor.NONE ) ) ) );
				break;
			default:
				final RandomAccessibleInterval< FloatType > img = ArrayImgs.floats( toFloats(
						Pixels.read( image ) ), w, h, d );
				final float[] before = toFloats( Pixels.read( image ) );
				jobs.add( () -> {
					final float[] out = floats( filter( i, kernel, boundary, value, output )
							.apply( d == 1 ? Views.hyperSlice( img, 2, 0 ) : img ) );
					assertArrayEquals( before, floats( img ), "the core's input changed" );
					return out;
				} );
			}
		}
		return jobs;
	}

	private static Callable< float[] > checked( final ImagePlus image,
			final Callable< float[] > job )
	{
		final double[] before = Pixels.read( image );
		return () -> {
			final float[] out = job.call();
			assertArrayEquals( before, Pixels.read( image ), image.getTitle() + " changed" );
			return out;
		};
	}

	private static float[] command( final Class< ? extends AbstractNdCommand > command,
			final String output, final ImagePlus image, final String kernel,
			final String boundary, final double value, final String size )
	{
		final CommandModule module = run( command, "image", image, "kernel", kernel,
				"boundary", boundary, "value", value, "output", size );
		assertTrue( !module.isCanceled(), command.getSimpleName() + " was canceled" );
		return pixels( ( ImagePlus ) module.getOutput( output ) );
	}

	private static LinearFilter filter( final int i, final String kernel,
			final String boundary, final double value, final String output )
	{
		final Kernel k = kernel.matches( "[-0-9. \\n]+" ) ? KernelText.parse( kernel )
				: KernelPresets.find( kernel ).orElseThrow();
		final Boundary mode = Boundary.fromToken( boundary );
		final LinearFilter f = ( i % 2 == 0 ? LinearFilter.correlate( k ) : LinearFilter
				.convolve( k ) ).outputSize( OutputSize.fromToken( output ) );
		return mode == Boundary.CONSTANT ? f.boundary( value ) : f.boundary( mode );
	}

	private static float[] pixels( final ImagePlus image )
	{
		return toFloats( Pixels.read( image ) );
	}

	private static float[] floats( final RandomAccessibleInterval< FloatType > img )
	{
		final List< Float > values = new ArrayList<>();
		Views.flatIterable( img ).forEach( t -> values.add( t.get() ) );
		final float[] f = new float[ values.size() ];
		for ( int i = 0; i < f.length; i++ )
			f[ i ] = values.get( i );
		return f;
	}

	private static float[] toFloats( final double[] values )
	{
		final float[] f = new float[ values.length ];
		for ( int i = 0; i < f.length; i++ )
			f[ i ] = ( float ) values[ i ];
		return f;
	}

	private static double[] shifted( final double[] values, final int by )
	{
		for ( int i = 0; i < values.length; i++ )
			values[ i ] += by * 0.5;
		return values;
	}
}
