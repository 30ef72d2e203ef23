package io.github.ndfilters.bench;

import java.util.Locale;

import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.Method;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Filters a 512^3 float volume with each method inside whatever heap the JVM
 * was given; {@code bench/run.sh} gives it 2.5 times the volume, so finishing
 * shows that input, result and all working buffers fit in that. Prints the
 * time of each method and the heap limit.
 */
public final class MemoryCheck
{
	public static void main( final String[] args )
	{
		final int side = args.length > 0 ? Integer.parseInt( args[ 0 ] ) : 512;
		final ArrayImg< FloatType, FloatArray > volume = ArrayImgs.floats( side, side, side );
		final float[] v = volume.update( null ).getCurrentStorageArray();
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = ( i * 7919 ) % 1000;
		final double volumeBytes = 4.0 * v.length;
		final double mebibyte = 1 << 20;
		System.out.printf( Locale.ROOT, "Volume %d^3 float (%.0f MiB), heap limit %.0f MiB = "
				+ "%.2f x the volume%n", side, volumeBytes / mebibyte, Runtime.getRuntime()
						.maxMemory() / mebibyte, Runtime.getRuntime().maxMemory() / volumeBytes );
		final double[] line = { 1, 4, 6, 4, 1 };
		final double[] w = new double[ 125 ];
		for ( int i = 0; i < 125; i++ )
			w[ i ] = line[ i % 5 ] * line[ i / 5 % 5 ] * line[ i / 25 ];
		final Kernel kernel = Kernel.of( w, 5, 5, 5 );
		for ( final Method m : new Method[] { Method.SEPARABLE, Method.FFT, Method.DIRECT } )
		{
			final long start = System.nanoTime();
			final RandomAccessibleInterval< FloatType > out = LinearFilter.convolve( kernel )
					.boundary( Boundary.MIRROR ).method( m ).apply( volume );
			System.out.printf( Locale.ROOT, "%s: done in %.1f s, result %d^3%n", m.token(),
					( System.nanoTime() - start ) * 1e-9, out.dimension( 2 ) );
		}
		System.out.println( "Passed: every method filtered the volume within this heap." );
	}
}
