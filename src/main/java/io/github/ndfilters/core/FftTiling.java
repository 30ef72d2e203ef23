package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * How the FFT path cuts an output into overlap-save tiles, and the transform
 * size of each tile.
 * <p>
 * Along each transformed axis, every tile but the last has one main transform
 * size, chosen for the least estimated time. The last tile holds what remains
 * of the axis and gets the smallest fast size that holds its input, when that
 * is smaller than the main size: 2048 outputs of a 31-tap kernel go as four
 * tiles of 512 and one of 160, where one size for all would need five of 512
 * or six of 384. So a tile has one of up to {@code 2^axes} shapes, each with
 * its own {@link TilePlan}; a shape is a bit set, bit {@code j} marking the
 * last tile along transformed axis {@code j}.
 * </p>
 * <p>
 * The estimate is in nanoseconds of one thread of the build machine, from
 * timings of JTransforms' 1-D transforms along the axes of square and cubic
 * tiles: per sample and axis, {@code 2.2 + 0.27 log2(m)} for a power-of-two
 * length {@code m}, which JTransforms takes through a faster algorithm, and
 * {@code 3.3 + 0.33 log2(m)} for other lengths (512x512 took 9.3 ns per
 * sample per transform, 384x384 12.9). Tiles larger than 4 MiB no longer fit
 * near the core and cost more per sample (a 1024x1024 tile 1.4 times as much
 * as 512x512), which the estimate charges as a fifth more per doubling.
 * Whole filters on one thread came within 10 % of the estimate for tiles of
 * up to 4 MiB and within 30 % for larger ones.
 * </p>
 */
final class FftTiling
{
	/**
	 * Upper bound on samples per FFT tile (32 MiB of complex floats), which a
	 * thread holds as its buffer, and on the kernel's spectra, one per shape,
	 * together.
	 */
	static final long MAX_TILE_SAMPLES = 1L << 22;

	/** Samples of a tile (4 MiB of complex floats) beyond which it costs more per sample. */
	private static final double CACHED_TILE_SAMPLES = 1 << 19;

	/** Extra cost per doubling of the tile beyond {@link #CACHED_TILE_SAMPLES}. */
	private static final double PER_DOUBLING = 0.2;

	/**
	 * Nanoseconds per sample of a transform pair beyond the transforms:
	 * reading the blocks, loading, the product with the spectrum, storing.
	 */
	private static final double PER_SAMPLE = 8;

	/** Nanoseconds per transform pair beyond its samples: fold tables, bookkeeping. */
	private static final double PER_TRANSFORM = 10000;

	/**
	 * The transform sizes JTransforms takes fast, in increasing order: 2^a,
	 * 3 x 2^a and 5 x 2^a, below 2^24. NB: sizes with more factors of 3 and 5
	 * (such as 270) fit an image more tightly but ran slower in JTransforms.
	 */
	private static final int[] FAST_SIZES = fastSizes();

	/** The image axes that are transformed: those on which the kernel is longer than 1. */
	final int[] axes;

	/** Outputs per main tile, per image axis (1 on axes that are not transformed). */
	final int[] step;

	private final Interval target;

	/** Per transformed axis: the main size, and the last tile's (equal when not smaller). */
	private final int[] mainSize, edgeSize;

	/**
	 * @param edgeSize
	 *            per transformed axis, the last tile's size, from
	 *            {@link #edgeSize(long, int, int)}
	 */
	private FftTiling( final Interval target, final Kernel kernel, final int[] axes,
			final int[] mainSize, final int[] edgeSize )
	{
		this.target = target;
		this.axes = axes;
		this.mainSize = mainSize;
		this.edgeSize = edgeSize;
		step = new int[ target.numDimensions() ];
		Arrays.fill( step, 1 );
		for ( int j = 0; j < axes.length; j++ )
			step[ axes[ j ] ] = mainSize[ j ] - kernel.dimension( axes[ j ] ) + 1;
	}

	/** @return the size of the last tile along an axis of this length */
	private static int edgeSize( final long length, final int taps, final int mainSize )
	{
		final long remainder = length % ( mainSize - taps + 1 );
		return remainder == 0 ? mainSize
				: ( int ) Math.min( mainSize, fastSizeAtLeast( remainder + taps - 1 ) );
	}

	/** @return the image axes on which the kernel is longer than 1 */
	static int[] transformedAxes( final Kernel kernel )
	{
		int count = 0;
		for ( int d = 0; d < kernel.numDimensions(); d++ )
			if ( kernel.dimension( d ) > 1 )
				count++;
		final int[] axes = new int[ count ];
		int i = 0;
		for ( int d = 0; d < kernel.numDimensions(); d++ )
			if ( kernel.dimension( d ) > 1 )
				axes[ i++ ] = d;
		return axes;
	}

	/**
	 * @return a bound that {@link #cost()} never falls below, whatever the
	 *         tiles, found without planning them: each output lies in a
	 *         transform of at least one sample, two tiles share a transform,
	 *         and no length costs less per sample than a length of 2
	 */
	static double leastCost( final Interval target, final Kernel kernel )
	{
		double outputs = 1;
		for ( int d = 0; d < target.numDimensions(); d++ )
			outputs *= target.dimension( d );
		final double perSample = 2 * transformedAxes( kernel ).length * perAxis( 2 );
		return outputs / 2 * ( perSample + PER_SAMPLE );
	}

	/** Chooses the main size per axis that makes the least estimated time. */
	static FftTiling of( final Interval target, final Kernel kernel )
	{
		final int[] axes = transformedAxes( kernel );
		final int[][] candidates = new int[ axes.length ][];
		// NB: the last tile's size per candidate, found once, not once per combination
		final int[][] edges = new int[ axes.length ][];
		for ( int j = 0; j < axes.length; j++ )
		{
			final long length = target.dimension( axes[ j ] );
			final int taps = kernel.dimension( axes[ j ] );
			candidates[ j ] = sizes( taps, length );
			edges[ j ] = new int[ candidates[ j ].length ];
			for ( int i = 0; i < edges[ j ].length; i++ )
				edges[ j ][ i ] = edgeSize( length, taps, candidates[ j ][ i ] );
		}
		final int[] pick = new int[ axes.length ];
		// NB: if no sizes fit the memory bound, the smallest, which come first, serve.
		FftTiling best = null;
		double bestCost = Double.MAX_VALUE;
		while ( true )
		{
			final int[] size = new int[ axes.length ];
			final int[] edge = new int[ axes.length ];
			for ( int j = 0; j < axes.length; j++ )
			{
				size[ j ] = candidates[ j ][ pick[ j ] ];
				edge[ j ] = edges[ j ][ pick[ j ] ];
			}
			final FftTiling tiling = new FftTiling( target, kernel, axes, size, edge );
			if ( best == null )
				best = tiling;
			if ( tiling.spectraSamples() <= MAX_TILE_SAMPLES )
			{
				final double cost = tiling.cost();
				if ( cost < bestCost )
				{
					best = tiling;
					bestCost = cost;
				}
			}
			int j = 0;
			for ( ; j < axes.length; j++ )
			{
				if ( ++pick[ j ] < candidates[ j ].length )
					break;
				pick[ j ] = 0;
			}
			if ( j == axes.length )
				return best;
		}
	}

	/**
	 * @param mainSize
	 *            the transform size of all tiles but the last, per transformed
	 *            axis; each must exceed the kernel's length there
	 */
	static FftTiling withMainSizes( final Interval target, final Kernel kernel,
			final int[] mainSize )
	{
		final int[] axes = transformedAxes( kernel );
		final int[] edgeSize = new int[ axes.length ];
		for ( int j = 0; j < axes.length; j++ )
			edgeSize[ j ] = edgeSize( target.dimension( axes[ j ] ), kernel.dimension( axes[ j ] ),
					mainSize[ j ] );
		return new FftTiling( target, kernel, axes, mainSize.clone(), edgeSize );
	}

	/** @return how many shapes there are: one per subset of the transformed axes */
	int shapes()
	{
		return 1 << axes.length;
	}

	/** @return the plan of the tiles of one shape */
	TilePlan plan( final int shape )
	{
		final int[] size = new int[ axes.length ];
		final int[] outputs = new int[ axes.length ];
		for ( int j = 0; j < axes.length; j++ )
		{
			final boolean edge = ( shape & 1 << j ) != 0;
			size[ j ] = edge ? edgeSize[ j ] : mainSize[ j ];
			outputs[ j ] = edge ? ( int ) ( target.dimension( axes[ j ] ) % step[ axes[ j ] ] )
					: step[ axes[ j ] ];
		}
		return new TilePlan( target.numDimensions(), axes, size, outputs );
	}

	/** @return how many tiles have this shape */
	long count( final int shape )
	{
		long count = 1;
		for ( int d = 0; d < target.numDimensions(); d++ )
			if ( !isTransformed( d ) )
				count *= target.dimension( d );
		for ( int j = 0; j < axes.length; j++ )
		{
			final long length = target.dimension( axes[ j ] );
			final int s = step[ axes[ j ] ];
			final boolean smallerEdge = edgeSize[ j ] < mainSize[ j ];
			if ( ( shape & 1 << j ) != 0 )
				count *= smallerEdge ? 1 : 0;
			else
				count *= smallerEdge ? length / s : ( length + s - 1 ) / s;
		}
		return count;
	}

	/** @return the samples of the kernel's spectra, one for each shape that has tiles */
	long spectraSamples()
	{
		long samples = 0;
		for ( int shape = 0; shape < shapes(); shape++ )
			if ( count( shape ) > 0 )
				samples += samples( shape );
		return samples;
	}

	/** @return the samples of one transform of this shape */
	long samples( final int shape )
	{
		long samples = 1;
		for ( int j = 0; j < axes.length; j++ )
			samples *= ( shape & 1 << j ) != 0 ? edgeSize[ j ] : mainSize[ j ];
		return samples;
	}

	/**
	 * Estimated time, in nanoseconds of one thread, for the whole output as
	 * the threads would share it: the sum over all transform pairs (a forward
	 * and an inverse transform of two tiles each) and the kernel's spectra,
	 * or more if the pairs of the largest shape are too few to share evenly
	 * among the threads.
	 */
	double cost()
	{
		final int threads = Slabs.threads();
		double total = 0;
		double largest = 0;
		double largestRounds = 0;
		for ( int shape = 0; shape < shapes(); shape++ )
		{
			final long pairs = ( count( shape ) + 1 ) / 2;
			if ( pairs == 0 )
				continue;
			final long samples = samples( shape );
			double perSample = 0;
			for ( int j = 0; j < axes.length; j++ )
				perSample += 2 * perAxis( ( shape & 1 << j ) != 0 ? edgeSize[ j ] : mainSize[ j ] );
			perSample *= 1 + PER_DOUBLING * Math.max( 0, Math.log( samples / CACHED_TILE_SAMPLES )
					/ Math.log( 2 ) );
			final double work = samples * ( perSample + PER_SAMPLE ) + PER_TRANSFORM;
			// NB: and the kernel's spectrum for this shape, one forward transform
			total += pairs * work + samples * perSample / 2;
			if ( work > largest )
			{
				largest = work;
				largestRounds = Math.ceil( pairs / ( double ) threads );
			}
		}
		return Math.max( total, largest * largestRounds * threads );
	}

	/**
	 * @return the tiles of the output, one list per shape (entry {@code s}
	 *         holds the tiles of shape {@code s}, possibly none)
	 */
	List< List< Interval > > tilesByShape()
	{
		final int n = target.numDimensions();
		final List< List< Interval > > byShape = new ArrayList<>();
		for ( int shape = 0; shape < shapes(); shape++ )
			byShape.add( new ArrayList<>() );
		final long[] start = target.minAsLongArray();
		final long[] min = new long[ n ];
		final long[] max = new long[ n ];
		while ( true )
		{
			int shape = 0;
			for ( int d = 0; d < n; d++ )
			{
				min[ d ] = start[ d ];
				max[ d ] = Math.min( target.max( d ), start[ d ] + step[ d ] - 1 );
			}
			for ( int j = 0; j < axes.length; j++ )
				if ( edgeSize[ j ] < mainSize[ j ] && max[ axes[ j ] ] - min[ axes[ j ] ]
						+ 1 < step[ axes[ j ] ] )
					shape |= 1 << j;
			byShape.get( shape ).add( new FinalInterval( min, max ) );
			int d = 0;
			for ( ; d < n; d++ )
			{
				start[ d ] += step[ d ];
				if ( start[ d ] <= target.max( d ) )
					break;
				start[ d ] = target.min( d );
			}
			if ( d == n )
				return byShape;
		}
	}

	private boolean isTransformed( final int d )
	{
		for ( final int a : axes )
			if ( a == d )
				return true;
		return false;
	}

	/** @return nanoseconds per sample for one transform along an axis of this length */
	private static double perAxis( final int length )
	{
		final double log = Math.log( length ) / Math.log( 2 );
		return Integer.bitCount( length ) == 1 ? 2.2 + 0.27 * log : 3.3 + 0.33 * log;
	}

	/**
	 * @return the candidate main sizes along an axis: the fast sizes from a
	 *         little above the kernel up to the first that covers the whole
	 *         axis (for a kernel longer than any fast size, its length plus
	 *         a little)
	 */
	private static int[] sizes( final int taps, final long length )
	{
		final long enough = length + taps - 1;
		final long smallest = taps + Math.min( 7, length - 1 );
		final int first = firstFastAtLeast( smallest );
		if ( first == FAST_SIZES.length )
			return new int[] { ( int ) Math.min( Integer.MAX_VALUE, smallest ) };
		final int last = Math.min( firstFastAtLeast( enough ), FAST_SIZES.length - 1 );
		return Arrays.copyOfRange( FAST_SIZES, first, last + 1 );
	}

	private static long fastSizeAtLeast( final long length )
	{
		final int i = firstFastAtLeast( length );
		return i < FAST_SIZES.length ? FAST_SIZES[ i ] : length;
	}

	/** @return the index of the first fast size not below {@code length}, or their count */
	private static int firstFastAtLeast( final long length )
	{
		if ( length > FAST_SIZES[ FAST_SIZES.length - 1 ] )
			return FAST_SIZES.length;
		final int i = Arrays.binarySearch( FAST_SIZES, ( int ) Math.max( 1, length ) );
		return i >= 0 ? i : -i - 1;
	}

	/** @return the sizes 2^a, 3 x 2^a and 5 x 2^a below 2^24, in increasing order */
	private static int[] fastSizes()
	{
		final List< Integer > sizes = new ArrayList<>();
		for ( int power = 1; power < 1 << 24; power *= 2 )
			for ( final int factor : new int[] { 1, 3, 5 } )
				if ( ( long ) factor * power < 1 << 24 )
					sizes.add( factor * power );
		return sizes.stream().mapToInt( Integer::intValue ).sorted().distinct().toArray();
	}
}
