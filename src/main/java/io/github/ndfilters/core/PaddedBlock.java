package io.github.ndfilters.core;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * A block of the input, extended beyond the input's edges by the boundary
 * conditions and copied into a flat {@code float} array, x fastest.
 * <p>
 * Copying once lets the inner loops of a filter run over plain arrays with no
 * bounds logic, whatever the input's storage or type. Each axis is folded on
 * its own, so any mix of modes works, and a block may be far larger than the
 * input (a kernel wider than the image).
 * </p>
 * <p>
 * Every pixel type is converted to {@code float} here, once per block, so the
 * filters' inner loops never touch a pixel type. A {@code float} holds every
 * 8- and 16-bit value and every 32-bit float exactly; wider types lose at most
 * half a unit in the last place of a {@code float}, far inside the precision
 * the filters promise.
 * </p>
 */
final class PaddedBlock
{
	/** Position of the block's first element, in the input's coordinates. */
	final long[] min;

	/** Size of the block per axis. */
	final int[] dims;

	/** Offset between neighbours along each axis. */
	final int[] strides;

	/** The samples, x fastest; a reused buffer may be longer than the block. */
	final float[] data;

	/**
	 * Whether any element is NaN or infinite; always {@code false} if the
	 * reader was told not to look.
	 */
	final boolean hasNonFinite;

	/** Marks, in a fold table, a position that takes the constant value. */
	private static final long BEYOND = Long.MIN_VALUE;

	private PaddedBlock( final long[] min, final int[] dims, final float[] data,
			final boolean hasNonFinite )
	{
		this.min = min;
		this.dims = dims;
		this.data = data;
		this.hasNonFinite = hasNonFinite;
		strides = new int[ dims.length ];
		int s = 1;
		for ( int d = 0; d < dims.length; d++ )
		{
			strides[ d ] = s;
			s *= dims[ d ];
		}
	}

	/** @return the number of samples in the block, which {@link #data} may exceed */
	int samples()
	{
		int count = 1;
		for ( final int d : dims )
			count *= d;
		return count;
	}

	/**
	 * Reads the block {@code [min, min + dims)} of the extended source, into
	 * {@code buffer} if it is large enough (its first samples are
	 * overwritten, so {@link #data} may be longer than the block).
	 *
	 * @param findNonFinite
	 *            whether to look for NaN and infinities, which a kernel with no
	 *            zero weight need not know about
	 */
	static PaddedBlock read( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final long[] min, final int[] dims,
			final float[] buffer, final boolean findNonFinite )
	{
		final int n = dims.length;
		final long[][] fold = foldTables( source, boundary, min, dims );
		long count = 1;
		for ( final int d : dims )
			count *= d;
		if ( count > Integer.MAX_VALUE - 8 )
			throw new IllegalArgumentException( "A block of " + count + " samples is too large." );
		// NB: a reused buffer is still in the cache, where a fresh array would not be.
		final float[] data = buffer != null && buffer.length >= count ? buffer
				: new float[ ( int ) count ];

		final float outsideX = ( float ) boundary.outsideValue( 0 );
		final int lineLength = dims[ 0 ];
		// Inside the source, x maps to itself: [inLo, inHi) of each line is one straight copy.
		final int inLo = insideFrom( source, 0, min, dims );
		final int inHi = insideTo( source, 0, min, dims );
		final long[] marginX = marginFolds( source, boundary.mode( 0 ), min[ 0 ], lineLength,
				inLo, inHi );
		// Range of source x that the block needs: the inside, and where the margins fold to.
		long xLo = inHi > inLo ? min[ 0 ] + inLo : Long.MAX_VALUE;
		long xHi = inHi > inLo ? min[ 0 ] + inHi - 1 : Long.MIN_VALUE;
		for ( final long x : marginX )
			if ( x != BEYOND )
			{
				xLo = Math.min( xLo, x );
				xHi = Math.max( xHi, x );
			}
		// NB: when the margins fold back into the line's own inside, the line is read straight
		// into the block and its margins copied from there; a separate line buffer took a
		// third of the read's time. Otherwise (a block narrower than its margins' mirror
		// images) the whole source range is read into a line buffer, once per source line.
		final boolean marginsInside = marginsFoldInside( marginX, min[ 0 ], inLo, inHi );
		final float[] sourceLine = new float[ marginsInside || xLo > xHi ? 0
				: ( int ) ( xHi - xLo + 1 ) ];
		final SourceLines reader = new SourceLines( source );
		final long[] sourcePos = new long[ n ];
		final long[] lastLine = new long[ n ];
		boolean haveLine = false;
		boolean nonFinite = false;
		boolean lineNonFinite = false;

		final int[] line = new int[ n ]; // position of the current line, axes 1..n-1
		for ( int offset = 0; offset < count; offset += lineLength )
		{
			int beyondAxis = -1;
			for ( int d = 1; d < n && beyondAxis < 0; d++ )
			{
				sourcePos[ d ] = fold[ d ][ line[ d ] ];
				if ( sourcePos[ d ] == BEYOND )
					beyondAxis = d;
			}
			if ( beyondAxis >= 0 )
			{
				// NB: where several axes lie beyond the edge, the lowest one's value counts.
				Arrays.fill( data, offset, offset + lineLength,
						( float ) boundary.outsideValue( beyondAxis ) );
				for ( int m = 0; m < marginX.length; m++ )
					if ( marginX[ m ] == BEYOND )
						data[ offset + marginPosition( m, inLo, inHi ) ] = outsideX;
			}
			else if ( marginsInside )
			{
				sourcePos[ 0 ] = min[ 0 ] + inLo;
				reader.read( sourcePos, data, offset + inLo, inHi - inLo );
				fillMargins( data, offset, inLo, inHi, marginX, data, offset, min[ 0 ], outsideX );
				nonFinite |= findNonFinite && hasNonFinite( data, offset + inLo, offset + inHi );
			}
			else
			{
				// NB: a block wholly beyond the source along x reads nothing; its margins are
				// all the outside value.
				if ( sourceLine.length > 0 && ( !haveLine || !sameLine( sourcePos, lastLine,
						n ) ) )
				{
					sourcePos[ 0 ] = xLo;
					reader.read( sourcePos, sourceLine, 0, sourceLine.length );
					lineNonFinite = findNonFinite && hasNonFinite( sourceLine, 0,
							sourceLine.length );
					System.arraycopy( sourcePos, 0, lastLine, 0, n );
					haveLine = true;
				}
				if ( inHi > inLo )
					System.arraycopy( sourceLine, ( int ) ( min[ 0 ] + inLo - xLo ), data,
							offset + inLo, inHi - inLo );
				fillMargins( data, offset, inLo, inHi, marginX, sourceLine, 0, xLo, outsideX );
				nonFinite |= lineNonFinite;
			}
			for ( int d = 1; d < n; d++ )
			{
				if ( ++line[ d ] < dims[ d ] )
					break;
				line[ d ] = 0;
			}
		}
		return new PaddedBlock( min.clone(), dims.clone(), data, nonFinite );
	}

	/**
	 * @return whether every margin position of a line, outside {@code [inLo,
	 *         inHi)}, lies beyond the edge or folds to a source position inside
	 *         that range, so that it can be copied from the line itself
	 */
	private static boolean marginsFoldInside( final long[] marginX, final long min,
			final int inLo, final int inHi )
	{
		if ( inHi <= inLo )
			return false;
		for ( final long x : marginX )
			if ( x != BEYOND && ( x - min < inLo || x - min >= inHi ) )
				return false;
		return true;
	}

	/**
	 * Fills the margins of the block line at {@code offset}, the positions
	 * outside {@code [inLo, inHi)}, with the outside value or the sample their
	 * x folds to, taken from a line whose element {@code at} holds source x
	 * {@code lineMin}.
	 */
	private static void fillMargins( final float[] data, final int offset, final int inLo,
			final int inHi, final long[] marginX, final float[] line, final int at,
			final long lineMin, final float outside )
	{
		for ( int m = 0; m < inLo; m++ )
			data[ offset + m ] = folded( marginX[ m ], line, at, lineMin, outside );
		for ( int m = inLo; m < marginX.length; m++ )
			data[ offset + inHi + m - inLo ] = folded( marginX[ m ], line, at, lineMin,
					outside );
	}

	private static float folded( final long x, final float[] line, final int at,
			final long lineMin, final float outside )
	{
		return x == BEYOND ? outside : line[ at + ( int ) ( x - lineMin ) ];
	}

	/**
	 * NB: {@code v * 0} is NaN exactly for NaN and infinities, and a float sum
	 * keeps a NaN; four partial sums keep the loop from waiting on one chain.
	 */
	private static boolean hasNonFinite( final float[] values, final int from, final int to )
	{
		float p0 = 0, p1 = 0, p2 = 0, p3 = 0;
		final int end = from + ( ( to - from ) & ~3 );
		for ( int i = from; i < end; i += 4 )
		{
			p0 += values[ i ] * 0f;
			p1 += values[ i + 1 ] * 0f;
			p2 += values[ i + 2 ] * 0f;
			p3 += values[ i + 3 ] * 0f;
		}
		for ( int i = end; i < to; i++ )
			p0 += values[ i ] * 0f;
		return Float.isNaN( ( p0 + p1 ) + ( p2 + p3 ) );
	}

	/**
	 * Per axis from 1 on, the source coordinate of each block position, or
	 * BEYOND; entry 0 is {@code null}, as x needs only its margins
	 * ({@link #marginFolds}).
	 */
	private static long[][] foldTables( final RandomAccessibleInterval< ? > source,
			final BoundaryConditions boundary, final long[] min, final int[] dims )
	{
		final long[][] fold = new long[ dims.length ][];
		for ( int d = 1; d < dims.length; d++ )
		{
			final Boundary mode = boundary.mode( d );
			final long sourceMin = source.min( d );
			final long size = source.dimension( d );
			final long[] table = new long[ dims[ d ] ];
			for ( int i = 0; i < table.length; i++ )
			{
				final long f = mode.fold( min[ d ] + i - sourceMin, size );
				table[ i ] = f == Boundary.OUTSIDE ? BEYOND : f + sourceMin;
			}
			fold[ d ] = table;
		}
		return fold;
	}

	/**
	 * The source x of each margin position of a line, or BEYOND: first the
	 * {@code inLo} positions before the inside, then those from {@code inHi}
	 * on. NB: the inside maps to itself and needs no table; a table of every
	 * position of a block 2054 wide, made afresh per block, took a twentieth
	 * of a 7x7 filter's time.
	 */
	private static long[] marginFolds( final RandomAccessibleInterval< ? > source,
			final Boundary mode, final long min, final int lineLength, final int inLo,
			final int inHi )
	{
		final long sourceMin = source.min( 0 );
		final long size = source.dimension( 0 );
		final long[] margins = new long[ inLo + lineLength - inHi ];
		for ( int m = 0; m < margins.length; m++ )
		{
			final long f = mode.fold( min + marginPosition( m, inLo, inHi ) - sourceMin, size );
			margins[ m ] = f == Boundary.OUTSIDE ? BEYOND : f + sourceMin;
		}
		return margins;
	}

	/** @return the position in its line of margin {@code m} ({@link #marginFolds}) */
	private static int marginPosition( final int m, final int inLo, final int inHi )
	{
		return m < inLo ? m : inHi + m - inLo;
	}

	/** @return the first block position along {@code d} that lies inside the source */
	private static int insideFrom( final RandomAccessibleInterval< ? > source, final int d,
			final long[] min, final int[] dims )
	{
		return ( int ) Math.max( 0, Math.min( dims[ d ], source.min( d ) - min[ d ] ) );
	}

	/** @return one past the last block position along {@code d} inside the source */
	private static int insideTo( final RandomAccessibleInterval< ? > source, final int d,
			final long[] min, final int[] dims )
	{
		return ( int ) Math.max( insideFrom( source, d, min, dims ), Math.min( dims[ d ], source
				.max( d ) + 1 - min[ d ] ) );
	}

	private static boolean sameLine( final long[] a, final long[] b, final int n )
	{
		for ( int d = 1; d < n; d++ )
			if ( a[ d ] != b[ d ] )
				return false;
		return true;
	}
}
