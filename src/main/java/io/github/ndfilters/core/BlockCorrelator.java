package io.github.ndfilters.core;

import java.util.Arrays;

/**
 * Correlates a {@link PaddedBlock}'s samples with a kernel at every position
 * where the kernel lies inside the block ("valid" positions), and hands each
 * finished output row to a {@link Rows} receiver.
 * <p>
 * This is the inner engine of the direct and separable paths. It is shaped
 * for the JIT's auto-vectoriser: the innermost loops read and write arrays
 * that all start at index 0 with one shared index, because a loop over arrays
 * at two different offsets stays scalar. So each input row segment is copied
 * once into one array per x-shift of the kernel, and these copies are then
 * added, several taps per pass, into the accumulators of every output row
 * whose window covers that input row (a scatter over a small tile of output
 * rows, so a copy serves many kernel lines). Rows narrower than a segment
 * are summed several side by side, one from each part of y (see
 * {@link #groups}).
 * </p>
 * <p>
 * Precision: products and short sums are in {@code float}, in three levels so
 * that rounding cannot pile up. Up to 5 products are summed in registers and
 * added into a per-row {@code float} accumulator that takes at most
 * {@value #CHUNK_TAPS} taps; full accumulators are added into a second
 * {@code float} level, at most {@value #CHUNKS_PER_MID} times, which is then
 * added into {@code double}. The rounding error is therefore at most about
 * {@code (3 + CHUNK_TAPS / 4 + CHUNKS_PER_MID)} units in the last place of a
 * {@code float} times the sum of |input| x |weight|, about 3e-6 of it, whatever
 * the kernel's size, against the 1e-5 the filters promise. (Long sums of one
 * sign, where rounding piles up fastest, come out within 3e-7 in practice,
 * for 45x45, 61x61, 17x17x17 and 4001-tap kernels.) Plain {@code double}
 * would halve the vector width for no gain a user could see.
 * </p>
 * <p>
 * An instance keeps its buffers from one call to the next, so it serves one
 * thread at a time.
 * </p>
 */
final class BlockCorrelator
{
	/** Taps summed in one float accumulator before it is passed on. */
	static final int CHUNK_TAPS = 64;

	/** Float chunks summed in the middle level before it goes to double. */
	static final int CHUNKS_PER_MID = 32;

	/**
	 * Samples of all the shifted copies of one input segment together (28 KiB of
	 * floats), so that they stay in a core's first-level cache (32 KiB or more
	 * on current x86) beside the accumulator row being summed.
	 */
	private static final int SHIFTED_SAMPLES = 7168;

	/** Upper bound on the length of a segment, for narrow kernels. */
	private static final int MAX_SEGMENT = 2048;

	/** Length of the segments of wide kernels. */
	private static final int SEGMENT = 512;

	/** Accumulator samples per tile, so that they stay near the core (64 KiB of floats). */
	private static final int TILE_SAMPLES = 1 << 14;

	/** Output rows a tile has at least, however long its segments. */
	private static final int MIN_TILE_ROWS = 32;

	/** Upper bound on the output rows of a tile. */
	static final int TILE_ROWS = 64;

	/** Receives finished output rows. */
	interface Rows
	{
		/**
		 * @param row
		 *            position of the row in the output region, per axis
		 *            (entry 0 is the first x of the segment)
		 * @param values
		 *            the sums, {@code length} of them from index {@code from}
		 */
		void accept( int[] row, double[] values, int from, int length );

		/** As {@link #accept(int[], double[], int, int)}, for sums that fit a {@code float}. */
		void accept( int[] row, float[] values, int from, int length );
	}

	private final int n;

	private final int[] kernelDims;

	/** Per kernel line (axes 1..n-1, x fastest): the x-shifts and weights of its taps. */
	private final int[][] lineShifts;

	private final float[][] lineWeights;

	private final int kx;

	/** Buffers of the last call, reused by the next one on the same thread. */
	private Work work;

	private BlockCorrelator( final Kernel kernel, final boolean keepZeros )
	{
		n = kernel.numDimensions();
		kernelDims = kernel.dimensions();
		kx = kernelDims[ 0 ];
		final int lines = kernel.size() / kx;
		lineShifts = new int[ lines ][];
		lineWeights = new float[ lines ][];
		for ( int l = 0; l < lines; l++ )
		{
			int count = 0;
			for ( int s = 0; s < kx; s++ )
				if ( keepZeros || kernel.weight( l * kx + s ) != 0 )
					count++;
			lineShifts[ l ] = new int[ count ];
			lineWeights[ l ] = new float[ count ];
			int c = 0;
			for ( int s = 0; s < kx; s++ )
			{
				final double w = kernel.weight( l * kx + s );
				if ( keepZeros || w != 0 )
				{
					lineShifts[ l ][ c ] = s;
					lineWeights[ l ][ c ] = ( float ) w;
					c++;
				}
			}
		}
	}

	/**
	 * @param kernel
	 *            in correlation form, with as many axes as the block
	 * @param keepZeros
	 *            whether zero weights must still multiply (the block holds a
	 *            NaN or an infinity)
	 */
	static BlockCorrelator of( final Kernel kernel, final boolean keepZeros )
	{
		return new BlockCorrelator( kernel, keepZeros );
	}

	/**
	 * Computes the outputs {@code [0, outDims)}: output {@code o} is the sum
	 * over taps {@code t} of {@code w[t] * data[o + t]}.
	 *
	 * @return {@code false} if the monitor canceled before the end
	 */
	boolean correlate( final float[] data, final int[] blockDims, final int[] outDims,
			final Rows rows, final FilterMonitor monitor )
	{
		final int[] strides = new int[ n ];
		int stride = 1;
		for ( int d = 0; d < n; d++ )
		{
			strides[ d ] = stride;
			stride *= blockDims[ d ];
		}
		final int segment = segment( kx, outDims[ 0 ] );
		final int groups = groups( kernelDims, outDims );
		final int[] virtualDims = virtualDims( outDims, groups );
		final int[] tile = tileShape( kernelDims, virtualDims, segment * groups );
		int tileRows = 1;
		for ( int d = 1; d < n; d++ )
			tileRows *= tile[ d ];
		final int rowLength = segment * groups;
		if ( work == null || work.acc.length < tileRows || work.shifted[ 0 ].length < rowLength )
			work = new Work( n, tileRows, rowLength, kx );
		// Part g of a virtual row lies this many rows after part 0.
		final int partHeight = n > 1 ? virtualDims[ 1 ] : 0;

		final int[] tileStart = new int[ n ];
		final int[] tileSize = new int[ n ];
		while ( true )
		{
			if ( monitor.isCanceled() )
				return false;
			for ( int d = 1; d < n; d++ )
				tileSize[ d ] = Math.min( tile[ d ], virtualDims[ d ] - tileStart[ d ] );
			for ( int x0 = 0; x0 < outDims[ 0 ]; x0 += segment )
			{
				tileStart[ 0 ] = x0;
				tileSize[ 0 ] = Math.min( segment, outDims[ 0 ] - x0 );
				correlateTile( data, strides, groups, partHeight, tileStart, tileSize, work,
						rows );
			}
			int d = 1;
			for ( ; d < n; d++ )
			{
				tileStart[ d ] += tile[ d ];
				if ( tileStart[ d ] < virtualDims[ d ] )
					break;
				tileStart[ d ] = 0;
			}
			if ( d == n )
				return true;
		}
	}

	/**
	 * @return the length of the x segments summed at once, for a kernel
	 *         {@code kx} wide and outputs {@code width} wide
	 */
	private static int segment( final int kx, final int width )
	{
		return Math.min( longestSegment( kx ), width );
	}

	/** @return the longest x segment worth summing at once for a kernel {@code kx} wide */
	private static int longestSegment( final int kx )
	{
		// NB: each call of a summing loop has a start-up cost, so a narrow kernel gets
		// segments as long as its shifted copies' cache budget allows (a 7x7 kernel ran a
		// quarter faster on 1024 samples than on 512; 2048 spilled out of the cache). Wider
		// kernels ran best at 512, or shorter where their copies would pass 256 KiB.
		return Math.max( 16, Math.min( MAX_SEGMENT, Math.max( SHIFTED_SAMPLES / kx, Math.min(
				SEGMENT, ( 1 << 16 ) / kx ) ) ) );
	}

	/**
	 * Output rows narrower than the longest segment are summed side by side:
	 * the output's extent along y is cut into {@code groups} equal parts, and
	 * row {@code y} of every part goes into one "virtual" row of {@code groups}
	 * times the width, whose shifted copies hold the matching input rows side
	 * by side. The summing loops then run that much longer per call, and each
	 * call's start-up cost counts less: on one thread, a 3-D block 256 samples
	 * wide summed a 7x7x7 kernel at 37 G multiply-adds per second as four rows
	 * side by side, against 26 G one row at a time. Each part reads its own
	 * halo of {@code kernel height - 1} input rows, so a part must be at least
	 * twice as high as that halo.
	 *
	 * @return how many parts of y form one virtual row; 1 where rows are long
	 *         enough or y cannot be cut into equal parts
	 */
	static int groups( final int[] kernelDims, final int[] outDims )
	{
		if ( outDims.length < 2 || segment( kernelDims[ 0 ], outDims[ 0 ] ) < outDims[ 0 ] )
			return 1;
		final int height = outDims[ 1 ];
		final int halo = kernelDims[ 1 ] - 1;
		final int longest = longestSegment( kernelDims[ 0 ] );
		int best = 1;
		for ( int g = 2; ( long ) g * outDims[ 0 ] <= longest && g <= height; g++ )
			if ( height % g == 0 && height / g >= Math.max( 1, 2 * halo ) )
				best = g;
		return best;
	}

	/** @return the output's dimensions with y cut into {@code groups} parts */
	private static int[] virtualDims( final int[] outDims, final int groups )
	{
		final int[] virtual = outDims.clone();
		if ( groups > 1 )
			virtual[ 1 ] = outDims[ 1 ] / groups;
		return virtual;
	}

	/**
	 * @return how many input samples are copied per output, for the cost
	 *         model: each input row under a tile of output rows is copied once
	 *         per x-shift of the kernel
	 */
	static double copiesPerOutput( final int[] kernelDims, final int[] outDims )
	{
		final int segment = segment( kernelDims[ 0 ], outDims[ 0 ] );
		final int groups = groups( kernelDims, outDims );
		final int[] tile = tileShape( kernelDims, virtualDims( outDims, groups ), segment
				* groups );
		double inRows = 1, outRows = 1;
		for ( int d = 1; d < tile.length; d++ )
		{
			inRows *= tile[ d ] + kernelDims[ d ] - 1;
			outRows *= tile[ d ];
		}
		return kernelDims[ 0 ] * inRows / outRows;
	}

	/**
	 * Splits the tile's row budget over the axes on which the kernel is long.
	 * NB: shorter rows (3-D images are often narrow) make room for more of
	 * them, so that each input row, copied once per x-shift, serves more
	 * output rows.
	 */
	private static int[] tileShape( final int[] kernelDims, final int[] outDims,
			final int segment )
	{
		final int n = kernelDims.length;
		final int rows = Math.min( TILE_ROWS, Math.max( MIN_TILE_ROWS, TILE_SAMPLES / segment ) );
		final int[] tile = new int[ n ];
		int longAxes = 0;
		for ( int d = 1; d < n; d++ )
			if ( kernelDims[ d ] > 1 && outDims[ d ] > 1 )
				longAxes++;
		final int side = longAxes == 0 ? 1
				: Math.max( 1, ( int ) Math.round( Math.pow( rows, 1.0 / longAxes ) ) );
		for ( int d = 1; d < n; d++ )
			tile[ d ] = kernelDims[ d ] > 1 ? Math.max( 1, Math.min( side, outDims[ d ] ) ) : 1;
		return tile;
	}

	/** Buffers of one thread. */
	private static final class Work
	{
		final float[][] shifted;

		final float[][] acc;

		final float[][] mid;

		final double[][] top;

		final int[] accTaps;

		final int[] midChunks;

		/** Per row, how many levels hold sums (1: only the first). */
		final int[] levels;

		final double[] result;

		/** Odometers of the tile loop, per axis. */
		final int[] in, t, lo, hi, o, position;

		Work( final int n, final int tileRows, final int rowLength, final int kx )
		{
			in = new int[ n ];
			t = new int[ n ];
			lo = new int[ n ];
			hi = new int[ n ];
			o = new int[ n ];
			position = new int[ n ];
			// NB: the summing loops run about a quarter faster when all their arrays sit at the
			// same offset from a 64-byte boundary, as the JIT aligns one of them and vector
			// loads from the others then never straddle two cache lines. Rows allocated one
			// after another, each a whole number of 64 bytes long, share that offset.
			final float[][] rowsOfBoth = new float[ kx + tileRows ][ alignedLength( rowLength ) ];
			shifted = Arrays.copyOfRange( rowsOfBoth, 0, kx );
			acc = Arrays.copyOfRange( rowsOfBoth, kx, kx + tileRows );
			// NB: the outer levels are made when first needed, as short kernels never need them.
			mid = new float[ tileRows ][];
			top = new double[ tileRows ][];
			accTaps = new int[ tileRows ];
			midChunks = new int[ tileRows ];
			levels = new int[ tileRows ];
			// NB: as long as the rows, which a later call with longer rows may reuse.
			result = new double[ alignedLength( rowLength ) ];
		}
	}

	/**
	 * The least row length, at or above {@code length}, whose {@code float[]}
	 * takes a whole number of 64-byte lines: with HotSpot's 16-byte array
	 * header, {@code 16 + 4 * length} must be a multiple of 64.
	 */
	static int alignedLength( final int length )
	{
		return length + ( ( 12 - length ) & 15 );
	}

	/**
	 * @param groups
	 *            parts of y side by side in each row of the tile (see
	 *            {@link #groups})
	 * @param partHeight
	 *            rows along y from one part to the next
	 */
	private void correlateTile( final float[] data, final int[] strides, final int groups,
			final int partHeight, final int[] tileStart, final int[] tileSize, final Work w,
			final Rows rows )
	{
		final int width = tileSize[ 0 ];
		final int len = width * groups;
		final int partStride = n > 1 ? partHeight * strides[ 1 ] : 0;
		int tileRows = 1;
		for ( int d = 1; d < n; d++ )
			tileRows *= tileSize[ d ];
		for ( int r = 0; r < tileRows; r++ )
		{
			Arrays.fill( w.acc[ r ], 0, len, 0f );
			w.accTaps[ r ] = 0;
			w.midChunks[ r ] = 0;
			w.levels[ r ] = 1;
		}

		// Input rows covering the tile: the tile grown by the kernel on axes 1..n-1.
		final int[] inSize = new int[ n ];
		int inRows = 1;
		for ( int d = 1; d < n; d++ )
		{
			inSize[ d ] = tileSize[ d ] + kernelDims[ d ] - 1;
			inRows *= inSize[ d ];
		}
		final int[] in = w.in;
		final int[] t = w.t;
		final int[] lo = w.lo;
		final int[] hi = w.hi;
		Arrays.fill( in, 0 );
		for ( int ir = 0; ir < inRows; ir++ )
		{
			int base = tileStart[ 0 ];
			for ( int d = 1; d < n; d++ )
				base += ( tileStart[ d ] + in[ d ] ) * strides[ d ];
			for ( int g = 0; g < groups; g++ )
				for ( int s = 0; s < kx; s++ )
					System.arraycopy( data, base + g * partStride + s, w.shifted[ s ], g * width,
							width );

			// Only the kernel lines t whose output row (in - t) lies in the tile.
			for ( int d = 1; d < n; d++ )
			{
				lo[ d ] = Math.max( 0, in[ d ] - tileSize[ d ] + 1 );
				hi[ d ] = Math.min( kernelDims[ d ] - 1, in[ d ] );
				t[ d ] = lo[ d ];
			}
			while ( true )
			{
				int line = 0;
				int outRow = 0;
				for ( int d = n - 1; d > 0; d-- )
				{
					line = line * kernelDims[ d ] + t[ d ];
					outRow = outRow * tileSize[ d ] + in[ d ] - t[ d ];
				}
				addLine( line, outRow, len, w );
				int d = 1;
				for ( ; d < n; d++ )
				{
					if ( ++t[ d ] <= hi[ d ] )
						break;
					t[ d ] = lo[ d ];
				}
				if ( d >= n )
					break;
			}
			for ( int d = 1; d < n; d++ )
			{
				if ( ++in[ d ] < inSize[ d ] )
					break;
				in[ d ] = 0;
			}
		}

		final int[] position = w.position;
		final int[] o = w.o;
		Arrays.fill( o, 0 );
		for ( int r = 0; r < tileRows; r++ )
		{
			position[ 0 ] = tileStart[ 0 ];
			for ( int d = 1; d < n; d++ )
				position[ d ] = tileStart[ d ] + o[ d ];
			emit( r, width, groups, partHeight, w, position, rows );
			for ( int d = 1; d < n; d++ )
			{
				if ( ++o[ d ] < tileSize[ d ] )
					break;
				o[ d ] = 0;
			}
		}
	}

	/**
	 * Hands a finished row (each of its parts, when it holds several) to the
	 * receiver, summing its levels if it has more than one.
	 *
	 * @param partHeight
	 *            how far along y one part lies from the next
	 */
	private static void emit( final int r, final int width, final int groups,
			final int partHeight, final Work w, final int[] position, final Rows rows )
	{
		final int len = width * groups;
		final float[] a = w.acc[ r ];
		final float[] m = w.mid[ r ];
		final double[] top = w.top[ r ];
		final int levels = w.levels[ r ];
		if ( levels == 2 )
			for ( int i = 0; i < len; i++ )
				w.result[ i ] = ( double ) m[ i ] + a[ i ];
		else if ( levels == 3 )
			for ( int i = 0; i < len; i++ )
				w.result[ i ] = top[ i ] + ( ( double ) m[ i ] + a[ i ] );
		final int y = position.length > 1 ? position[ 1 ] : 0;
		for ( int g = 0; g < groups; g++ )
		{
			if ( groups > 1 )
				position[ 1 ] = y + g * partHeight;
			// NB: a float sum goes out as it is; widening it to double would change nothing.
			if ( levels == 1 )
				rows.accept( position, a, g * width, width );
			else
				rows.accept( position, w.result, g * width, width );
		}
	}

	/** Adds one kernel line's taps, from the shifted copies, into an output row. */
	private void addLine( final int line, final int row, final int len, final Work w )
	{
		final int[] shifts = lineShifts[ line ];
		final float[] weights = lineWeights[ line ];
		final float[][] s = w.shifted;
		final float[] a = w.acc[ row ];
		int k = 0;
		while ( k < shifts.length )
		{
			if ( w.accTaps[ row ] >= CHUNK_TAPS )
				passOn( row, len, w );
			// NB: the JIT vectorises up to five source arrays per loop; 6 to 8 go as two halves.
			final int left = shifts.length - k;
			final int group = left <= 5 ? left : left <= 8 ? left - left / 2 : 5;
			final float[] s0 = s[ shifts[ k ] ];
			final float w0 = weights[ k ];
			switch ( group )
			{
			case 1:
				mac1( a, s0, w0, len );
				break;
			case 2:
				mac2( a, s0, s[ shifts[ k + 1 ] ], w0, weights[ k + 1 ], len );
				break;
			case 3:
				mac3( a, s0, s[ shifts[ k + 1 ] ], s[ shifts[ k + 2 ] ], w0, weights[ k + 1 ],
						weights[ k + 2 ], len );
				break;
			case 4:
				mac4( a, s0, s[ shifts[ k + 1 ] ], s[ shifts[ k + 2 ] ], s[ shifts[ k + 3 ] ], w0,
						weights[ k + 1 ], weights[ k + 2 ], weights[ k + 3 ], len );
				break;
			case 5:
				mac5( a, s0, s[ shifts[ k + 1 ] ], s[ shifts[ k + 2 ] ], s[ shifts[ k + 3 ] ],
						s[ shifts[ k + 4 ] ], w0, weights[ k + 1 ], weights[ k + 2 ],
						weights[ k + 3 ], weights[ k + 4 ], len );
				break;
			}
			k += group;
			w.accTaps[ row ] += group;
		}
	}

	/** Moves a full first-level accumulator into the next level. */
	private static void passOn( final int row, final int len, final Work w )
	{
		final float[] a = w.acc[ row ];
		if ( w.levels[ row ] == 1 )
		{
			if ( w.mid[ row ] == null )
				w.mid[ row ] = new float[ a.length ];
			System.arraycopy( a, 0, w.mid[ row ], 0, len );
			w.levels[ row ] = 2;
		}
		else
		{
			final float[] m = w.mid[ row ];
			for ( int i = 0; i < len; i++ )
				m[ i ] += a[ i ];
		}
		Arrays.fill( a, 0, len, 0f );
		w.accTaps[ row ] = 0;
		if ( ++w.midChunks[ row ] >= CHUNKS_PER_MID )
		{
			final float[] m = w.mid[ row ];
			if ( w.levels[ row ] == 2 )
			{
				if ( w.top[ row ] == null )
					w.top[ row ] = new double[ a.length ];
				Arrays.fill( w.top[ row ], 0, len, 0.0 );
				w.levels[ row ] = 3;
			}
			final double[] top = w.top[ row ];
			for ( int i = 0; i < len; i++ )
				top[ i ] += m[ i ];
			Arrays.fill( m, 0, len, 0f );
			w.midChunks[ row ] = 0;
		}
	}

	private static void mac4( final float[] a, final float[] s0, final float[] s1,
			final float[] s2, final float[] s3, final float w0, final float w1, final float w2,
			final float w3, final int len )
	{
		for ( int i = 0; i < len; i++ )
			a[ i ] += w0 * s0[ i ] + w1 * s1[ i ] + w2 * s2[ i ] + w3 * s3[ i ];
	}

	// NB: one method per group size, because the JIT vectorises only straight-line bodies.

	private static void mac5( final float[] a, final float[] s0, final float[] s1,
			final float[] s2, final float[] s3, final float[] s4, final float w0,
			final float w1, final float w2, final float w3, final float w4, final int len )
	{
		for ( int i = 0; i < len; i++ )
			a[ i ] += ( w0 * s0[ i ] + w1 * s1[ i ] + w2 * s2[ i ] )
					+ ( w3 * s3[ i ] + w4 * s4[ i ] );
	}

	private static void mac3( final float[] a, final float[] s0, final float[] s1,
			final float[] s2, final float w0, final float w1, final float w2, final int len )
	{
		for ( int i = 0; i < len; i++ )
			a[ i ] += w0 * s0[ i ] + w1 * s1[ i ] + w2 * s2[ i ];
	}

	private static void mac2( final float[] a, final float[] s0, final float[] s1,
			final float w0, final float w1, final int len )
	{
		for ( int i = 0; i < len; i++ )
			a[ i ] += w0 * s0[ i ] + w1 * s1[ i ];
	}

	private static void mac1( final float[] a, final float[] s0, final float w0, final int len )
	{
		for ( int i = 0; i < len; i++ )
			a[ i ] += w0 * s0[ i ];
	}
}
