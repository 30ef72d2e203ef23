package io.github.ndfilters.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.Method;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import ij.plugin.filter.Convolver;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Times the filter's methods against ImageJ 1.x's Convolver and a naive loop,
 * in one JVM, and prints a markdown table of medians and ratios plus the
 * multiply-add rate as a share of the peak this machine shows in tight
 * vectorised loops ({@link PeakRate}). Not a test: start it with {@code bench/run.sh}.
 * <p>
 * Arguments (optional): {@code reps=N} repetitions per timing (default 5),
 * {@code cases=a,b,...} a subset of the case names, {@code nominal=G} the
 * machine's nominal peak in G multiply-adds per second (default 60).
 * </p>
 */
public final class Benchmark
{
	private static int reps = 5;

	private static final Random RANDOM = new Random( 1 );

	/** Rows of the second table, printed after the first. */
	private static final List< String > THROUGHPUT_ROWS = new ArrayList<>();

	/** Calls per timed batch of the direct path's throughput. */
	private static final int BATCH = 5;

	/** Most runs of a piece of work before it is timed. */
	private static final int WARM_UP_RUNS = 30;

	/** Most seconds spent running a piece of work before it is timed. */
	private static final double WARM_UP_SECONDS = 3;

	/** Fewest runs of a piece of work before it is timed, however long they take. */
	private static final int MIN_WARM_UP_RUNS = 3;

	private static double peak;

	/** The machine's nominal vector-FMA peak on all cores, for a second share. */
	private static double nominalPeak = 60e9;

	public static void main( final String[] args ) throws Exception
	{
		List< String > cases = Arrays.asList( "2d7", "2d31", "3d7", "3d15", "gauss15", "u16" );
		for ( final String a : args )
		{
			if ( a.startsWith( "reps=" ) )
				reps = Integer.parseInt( a.substring( 5 ) );
			if ( a.startsWith( "nominal=" ) )
				nominalPeak = Double.parseDouble( a.substring( 8 ) ) * 1e9;
			if ( a.startsWith( "cases=" ) )
				cases = Arrays.asList( a.substring( 6 ).split( "," ) );
		}
		final int threads = Runtime.getRuntime().availableProcessors();
		final PeakRate.Rates rates = PeakRate.measure( threads );
		peak = rates.best();
		warmUp();
		System.out.printf( Locale.ROOT, "Threads: %d, measured peak %.1f G multiply-adds/s "
				+ "(vectorised float loops on all threads: four rows into one %.1f G/s, Horner "
				+ "%.1f G/s), median of %d runs%n", threads, peak / 1e9, rates.rows / 1e9,
				rates.horner / 1e9, reps );
		final BurstScaling.Result bursts = BurstScaling.measure( threads );
		System.out.printf( Locale.ROOT, "Short bursts on all threads (2 ms of work each): %d of "
				+ "%d ran at full speed, the median took %.2f times one thread's time; each "
				+ "burst slower than that stretches the filters' times below%n%n",
				bursts.fullSpeed, bursts.bursts, bursts.medianSlowdown );
		System.out.println( "| case | auto | direct | separable | fft | chosen | ImageJ 1.x "
				+ "| naive loop | ImageJ / auto | naive / auto | direct G mul-add/s "
				+ "| % measured peak | % nominal peak |" );
		System.out.println( "|---|---|---|---|---|---|---|---|---|---|---|---|---|" );
		for ( final String c : cases )
			runCase( c );
		System.out.printf( Locale.ROOT, "%nThe direct path's throughput: above, each call "
				+ "makes its result image and follows other work (so the second core may have "
				+ "gone idle); here, batches of %d calls back to back write into one existing "
				+ "image (applyTo), the median batch's time per call%n%n", BATCH );
		System.out.println( "| case | direct, apply (above) | direct, applyTo back to back "
				+ "| G mul-add/s | % measured peak | % nominal peak |" );
		System.out.println( "|---|---|---|---|---|---|" );
		THROUGHPUT_ROWS.forEach( System.out::println );
	}

	private static void runCase( final String name ) throws Exception
	{
		switch ( name )
		{
		case "2d7":
			floatCase( "2-D 7x7, 2048x2048", new long[] { 2048, 2048 }, randomKernel( 7, 7 ),
					true );
			break;
		case "2d31":
			floatCase( "2-D 31x31, 2048x2048", new long[] { 2048, 2048 }, randomKernel( 31, 31 ),
					true );
			break;
		case "3d7":
			floatCase( "3-D 7x7x7, 256x256x64", new long[] { 256, 256, 64 }, randomKernel( 7, 7,
					7 ), false );
			break;
		case "3d15":
			floatCase( "3-D 15x15x15, 256x256x64", new long[] { 256, 256, 64 }, randomKernel( 15,
					15, 15 ), false );
			break;
		case "gauss15":
			floatCase( "3-D Gaussian 15x15x15, 256x256x64", new long[] { 256, 256, 64 },
					gaussian( 15, 2.5, 3 ), false );
			break;
		case "u16":
			shortCase( "16-bit stack 1024x1024x32, 2-D 7x7", new long[] { 1024, 1024, 32 },
					randomKernel( 7, 7 ) );
			break;
		default:
			System.out.println( "Unknown case " + name );
		}
	}

	private static void floatCase( final String label, final long[] dims, final Kernel kernel,
			final boolean withImageJ ) throws Exception
	{
		final ArrayImg< FloatType, FloatArray > image = ArrayImgs.floats( dims );
		final float[] pixels = image.update( null ).getCurrentStorageArray();
		for ( int i = 0; i < pixels.length; i++ )
			pixels[ i ] = RANDOM.nextFloat() * 1000;
		Double ij = null;
		if ( withImageJ )
		{
			final FloatProcessor fp = new FloatProcessor( ( int ) dims[ 0 ], ( int ) dims[ 1 ],
					pixels );
			final float[] k = toFloats( kernel.weights() );
			ij = median( () -> {
				final FloatProcessor copy = ( FloatProcessor ) fp.duplicate();
				final Convolver c = new Convolver();
				c.setNormalize( false );
				c.convolve( copy, k, kernel.dimension( 0 ), kernel.dimension( 1 ) );
				return copy;
			} );
		}
		final double naive = NaiveLoop.secondsPerImage( pixels, dims, kernel );
		report( label, image, kernel, ij, naive );
	}

	private static void shortCase( final String label, final long[] dims, final Kernel kernel )
			throws Exception
	{
		final ArrayImg< UnsignedShortType, ShortArray > image = ArrayImgs.unsignedShorts( dims );
		final short[] pixels = image.update( null ).getCurrentStorageArray();
		for ( int i = 0; i < pixels.length; i++ )
			pixels[ i ] = ( short ) RANDOM.nextInt( 4096 );
		final int w = ( int ) dims[ 0 ], h = ( int ) dims[ 1 ], slices = ( int ) dims[ 2 ];
		final float[] k = toFloats( kernel.weights() );
		final double ij = median( () -> {
			for ( int z = 0; z < slices; z++ )
			{
				final short[] slice = Arrays.copyOfRange( pixels, z * w * h, ( z + 1 ) * w * h );
				final ShortProcessor sp = new ShortProcessor( w, h, slice, null );
				final Convolver c = new Convolver();
				c.setNormalize( false );
				c.convolve( sp, k, kernel.dimension( 0 ), kernel.dimension( 1 ) );
			}
			return null;
		} );
		final float[] asFloat = new float[ pixels.length ];
		for ( int i = 0; i < pixels.length; i++ )
			asFloat[ i ] = pixels[ i ] & 0xffff;
		final double naive = NaiveLoop.secondsPerImage( asFloat, dims, kernel.withDimensions(
				3 ) );
		report( label, image, kernel, ij, naive );
	}

	private static < T extends RealType< T > > void report( final String label,
			final RandomAccessibleInterval< T > image, final Kernel kernel, final Double ij,
			final double naive ) throws Exception
	{
		final Method[] methods = { Method.AUTO, Method.DIRECT, Method.SEPARABLE, Method.FFT };
		final List< Callable< ? > > runs = new ArrayList<>();
		for ( final Method method : methods )
		{
			final LinearFilter filter = LinearFilter.convolve( kernel ).boundary(
					Boundary.REPLICATE ).method( method );
			runs.add( method == Method.SEPARABLE && !kernel.isSeparable() ? null
					: () -> filter.apply( image ) );
		}
		final double[] times = interleavedMedians( runs );
		final double pixels = net.imglib2.util.Intervals.numElements( image );
		final double multiplyAdds = pixels * kernel.size();
		final double directRate = multiplyAdds / times[ 1 ];
		final String chosen = LinearFilter.convolve( kernel ).boundary( Boundary.REPLICATE )
				.chosenMethod( image ).token();
		final LinearFilter direct = LinearFilter.convolve( kernel ).boundary( Boundary.REPLICATE )
				.method( Method.DIRECT );
		final RandomAccessibleInterval< FloatType > target = ArrayImgs.floats( image
				.dimensionsAsLongArray() );
		final double backToBack = batchMedian( () -> {
			direct.applyTo( image, target );
			return null;
		} );
		final double backToBackRate = multiplyAdds / backToBack;
		THROUGHPUT_ROWS.add( String.format( Locale.ROOT, "| %s | %s | %s | %.1f | %.0f %% "
				+ "| %.0f %% |", label, ms( times[ 1 ] ), ms( backToBack ), backToBackRate / 1e9,
				100 * backToBackRate / peak, 100 * backToBackRate / nominalPeak ) );
		System.out.printf( Locale.ROOT,
				"| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %.0f %% | %.0f %% |%n",
				label,
				ms( times[ 0 ] ), ms( times[ 1 ] ), ms( times[ 2 ] ), ms( times[ 3 ] ), chosen,
				ij == null ? "-" : ms( ij ), ms( naive ),
				ij == null ? "-" : ratio( ij / times[ 0 ] ), ratio( naive / times[ 0 ] ),
				directRate / 1e9, 100 * directRate / peak, 100 * directRate / nominalPeak );
	}

	private static String ms( final double seconds )
	{
		return Double.isNaN( seconds ) ? "n/a" : String.format( Locale.ROOT, "%.0f ms", seconds
				* 1e3 );
	}

	private static String ratio( final double r )
	{
		return String.format( Locale.ROOT, "%.1fx", r );
	}

	/**
	 * Median wall time of each piece of work over {@code reps} rounds, each
	 * round running every piece once, so that load from other processes
	 * falls on all of them alike; {@code null} work gives NaN.
	 */
	static double[] interleavedMedians( final List< Callable< ? > > work ) throws Exception
	{
		final double[][] t = new double[ work.size() ][ reps ];
		for ( final Callable< ? > w : work )
			if ( w != null )
				warmUp( w );
		for ( int r = 0; r < reps; r++ )
			for ( int i = 0; i < work.size(); i++ )
				if ( work.get( i ) != null )
				{
					final long start = System.nanoTime();
					work.get( i ).call();
					t[ i ][ r ] = ( System.nanoTime() - start ) * 1e-9;
				}
		final double[] medians = new double[ work.size() ];
		for ( int i = 0; i < work.size(); i++ )
		{
			Arrays.sort( t[ i ] );
			medians[ i ] = work.get( i ) == null ? Double.NaN : t[ i ][ reps / 2 ];
		}
		return medians;
	}

	/**
	 * Runs one piece of work {@value #WARM_UP_RUNS} times, or for
	 * {@value #WARM_UP_SECONDS} seconds if that comes first but at least
	 * {@value #MIN_WARM_UP_RUNS} times, before it is timed. The peers get the
	 * same warm-up as the project's methods. NB: in a fresh JVM the direct path
	 * ran at half its speed for about its first two seconds (some twenty images
	 * of 2048x2048), and ImageJ's Convolver took 500 ms per 7x7 image for its
	 * first three images and 135 ms after, so one warm-up run timed the JIT's
	 * start-up, not the filter.
	 */
	private static void warmUp( final Callable< ? > work ) throws Exception
	{
		final long end = System.nanoTime() + ( long ) ( WARM_UP_SECONDS * 1e9 );
		for ( int i = 0; i < WARM_UP_RUNS && ( i < MIN_WARM_UP_RUNS || System.nanoTime() < end );
				i++ )
			work.call();
	}

	/** Compiles the hot code before anything is timed. */
	private static void warmUp()
	{
		final RandomAccessibleInterval< FloatType > plane = ArrayImgs.floats( 512, 512 );
		final RandomAccessibleInterval< FloatType > volume = ArrayImgs.floats( 64, 64, 32 );
		for ( int round = 0; round < 5; round++ )
			for ( final Method m : Method.values() )
			{
				LinearFilter.convolve( randomKernel( 7, 7 ) ).method( m ).apply( plane );
				LinearFilter.convolve( randomKernel( 31, 31 ) ).method( m ).apply( plane );
				LinearFilter.convolve( gaussian( 7, 1.5, 3 ) ).method( m ).apply( volume );
				LinearFilter.convolve( randomKernel( 5, 5, 5 ) ).method( m ).apply( volume );
			}
	}

	/** Median wall time of {@code reps} runs, after the warm-up every piece of work gets. */
	static double median( final Callable< ? > work ) throws Exception
	{
		warmUp( work );
		final double[] t = new double[ reps ];
		for ( int r = 0; r < reps; r++ )
		{
			final long start = System.nanoTime();
			work.call();
			t[ r ] = ( System.nanoTime() - start ) * 1e-9;
		}
		Arrays.sort( t );
		return t[ reps / 2 ];
	}

	/**
	 * Median over {@code reps} batches of the time per call in a batch of
	 * {@value #BATCH} calls back to back, after the usual warm-up.
	 */
	static double batchMedian( final Callable< ? > work ) throws Exception
	{
		warmUp( work );
		final double[] t = new double[ reps ];
		for ( int r = 0; r < reps; r++ )
		{
			final long start = System.nanoTime();
			for ( int i = 0; i < BATCH; i++ )
				work.call();
			t[ r ] = ( System.nanoTime() - start ) * 1e-9 / BATCH;
		}
		Arrays.sort( t );
		return t[ reps / 2 ];
	}

	private static Kernel randomKernel( final int... dims )
	{
		int size = 1;
		for ( final int d : dims )
			size *= d;
		final double[] w = new double[ size ];
		for ( int i = 0; i < size; i++ )
			w[ i ] = RANDOM.nextDouble() - 0.3;
		return Kernel.of( w, dims );
	}

	private static Kernel gaussian( final int size, final double sigma, final int n )
	{
		final double[] line = new double[ size ];
		for ( int i = 0; i < size; i++ )
			line[ i ] = Math.exp( -0.5 * Math.pow( ( i - size / 2 ) / sigma, 2 ) );
		int total = 1;
		final int[] dims = new int[ n ];
		for ( int d = 0; d < n; d++ )
		{
			dims[ d ] = size;
			total *= size;
		}
		final double[] w = new double[ total ];
		for ( int i = 0; i < total; i++ )
		{
			double p = 1;
			int r = i;
			for ( int d = 0; d < n; d++ )
			{
				p *= line[ r % size ];
				r /= size;
			}
			w[ i ] = p;
		}
		return Kernel.of( w, dims );
	}

	private static float[] toFloats( final double[] v )
	{
		final float[] f = new float[ v.length ];
		for ( int i = 0; i < v.length; i++ )
			f[ i ] = ( float ) v[ i ];
		return f;
	}
}
