package io.github.ndfilters.ij1;

import java.util.Locale;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.filter.Convolver;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import net.imglib2.img.array.ArrayImgs;

/**
 * Measures what the ImageJ 1.x bridge costs: {@link ImagePlusFilter} on an
 * 8-bit stack against the core on an {@code ArrayImg} holding the same
 * pixels, and against ImageJ's own {@link Convolver} (which correlates with
 * replicated edges, slice by slice; here only a speed peer), all in the same
 * run. Prints times and ratios; asserts nothing.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 * 		io.github.ndfilters.ij1.BridgeBenchmark [width height slices kernelSize]
 * </pre>
 */
public final class BridgeBenchmark
{
	private BridgeBenchmark()
	{}

	public static void main( final String[] args )
	{
		final int w = args.length > 0 ? Integer.parseInt( args[ 0 ] ) : 1024;
		final int h = args.length > 1 ? Integer.parseInt( args[ 1 ] ) : 1024;
		final int n = args.length > 2 ? Integer.parseInt( args[ 2 ] ) : 16;
		final int k = args.length > 3 ? Integer.parseInt( args[ 3 ] ) : 5;
		final Random random = new Random( 1 );
		final ImageStack stack = ImageStack.create( w, h, n, 8 );
		final byte[] all = new byte[ w * h * n ];
		for ( int s = 0; s < n; s++ )
		{
			final byte[] plane = ( byte[] ) stack.getPixels( s + 1 );
			random.nextBytes( plane );
			System.arraycopy( plane, 0, all, s * w * h, plane.length );
		}
		final ImagePlus image = new ImagePlus( "benchmark", stack );
		final double[] weights = new double[ k * k ];
		final float[] floatWeights = new float[ k * k ];
		for ( int i = 0; i < weights.length; i++ )
			floatWeights[ i ] = ( float ) ( weights[ i ] = i + 1 );
		final LinearFilter filter = LinearFilter.correlate( Kernel.of( weights, k, k ) );
		System.out.printf( Locale.ROOT, "%dx%dx%d 8-bit, %dx%d kernel%n", w, h, n, k, k );
		for ( int rep = 0; rep < 7; rep++ )
		{
			final long t0 = System.nanoTime();
			ImagePlusFilter.apply( image, filter, false, null );
			final long t1 = System.nanoTime();
			filter.apply( ArrayImgs.unsignedBytes( all, w, h, n ) );
			final long t2 = System.nanoTime();
			final ImageStack floats = stack.convertToFloat();
			for ( int s = 1; s <= n; s++ )
			{
				final Convolver convolver = new Convolver();
				convolver.setNormalize( false );
				convolver.convolve( floats.getProcessor( s ), floatWeights, k, k );
			}
			final long t3 = System.nanoTime();
			System.out.printf( Locale.ROOT, "run %d: bridge %.0f ms, core on ArrayImg %.0f ms,"
					+ " ImageJ Convolver %.0f ms; bridge/core %.2f, bridge/ImageJ %.2f%n", rep,
					( t1 - t0 ) / 1e6, ( t2 - t1 ) / 1e6, ( t3 - t2 ) / 1e6,
					( t1 - t0 ) / ( double ) ( t2 - t1 ), ( t1 - t0 ) / ( double ) ( t3 - t2 ) );
		}
	}
}
