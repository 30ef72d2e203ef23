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

		// Range of source x that the block needs, read once per source line.
		long xLo = Long.MAX_VALUE, xHi = Long.MIN_VALUE;
		for ( final long x : fold[ 0 ] )
			if ( x != BEYOND )
			{
				xLo = Math.min( xLo, x );
				xHi = Math.max( xHi, x );
			}
		final float[] sourceLine = new float[ xLo <= xHi ? ( int ) ( xHi - xLo + 1 ) : 0 ];
		final SourceLines reader = new SourceLines( source );
		final long[] sourcePos = new long[ n ];
		final long[] lastLine = new long[ n ];
		boolean haveLine = false;
		boolean nonFinite = false;
		boolean lineNonFinite = false;

		final int[] line = new int[ n ]; // position of the current line, axes 1..n-1
		final int lineLength = dims[ 0 ];
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
				for ( int i = 0; i < lineLength; i++ )
					if ( fold[ 0 ][ i ] == BEYOND )
						data[ offset + i ] = ( float ) boundary.outsideValue( 0 );
			}
			else
			{
				// NB: a block wholly beyond the source along x reads nothing; its margins are
				// all the outside value.
				if ( sourceLine.length > 0 && ( !haveLine || !sameLine( sourcePos, lastLine,
						n ) ) )
				{
					sourcePos[ 0 ] = xLo;
					reader.read( sourcePos, sourceLine );
					lineNonFinite = findNonFinite && hasNonFinite( sourceLine );
					System.arraycopy( sourcePos, 0, lastLine, 0, n );
					haveLine = true;
				}
				final float outsideX = ( float ) boundary.outsideValue( 0 );
				final long[] foldX = fold[ 0 ];
				// Inside the source, x maps to itself: one copy; only the margins are folded.
				final int inLo = ( int ) Math.max( 0, Math.min( lineLength, source.min( 0 )
						- min[ 0 ] ) );
				final int inHi = ( int ) Math.max( inLo, Math.min( lineLength, source.max( 0 ) + 1
						- min[ 0 ] ) );
				if ( inHi > inLo )
					System.arraycopy( sourceLine, ( int ) ( min[ 0 ] + inLo - xLo ), data,
							offset + inLo, inHi - inLo );
				for ( int i = 0; i < inLo; i++ )
				{
					final long x = foldX[ i ];
					data[ offset + i ] = x == BEYOND ? outsideX : sourceLine[ ( int ) ( x - xLo ) ];
				}
				for ( int i = inHi; i < lineLength; i++ )
				{
					final long x = foldX[ i ];
					data[ offset + i ] = x == BEYOND ? outsideX : sourceLine[ ( int ) ( x - xLo ) ];
				}
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
	 * NB: {@code v * 0} is NaN exactly for NaN and infinities, and a float sum
	 * keeps a NaN; four partial sums keep the loop from waiting on one chain.
	 */
	private static boolean hasNonFinite( final float[] line )
	{
		float p0 = 0, p1 = 0, p2 = 0, p3 = 0;
		final int end = line.length & ~3;
		for ( int i = 0; i < end; i += 4 )
		{
			p0 += line[ i ] * 0f;
			p1 += line[ i + 1 ] * 0f;
			p2 += line[ i + 2 ] * 0f;
			p3 += line[ i + 3 ] * 0f;
		}
		for ( int i = end; i < line.length; i++ )
			p0 += line[ i ] * 0f;
		return Float.isNaN( ( p0 + p1 ) + ( p2 + p3 ) );
	}

	/** Per axis, the source coordinate of each block position, or BEYOND. */
	private static long[][] foldTables( final RandomAccessibleInterval< ? > source,
			final BoundaryConditions boundary, final long[] min, final int[] dims )
	{
		final long[][] fold = new long[ dims.length ][];
		for ( int d = 0; d < dims.length; d++ )
		{
			final Boundary mode = boundary.mode( d );
			final long sourceMin = source.min( d );
			final long size = source.dimension( d );
			fold[ d ] = new long[ dims[ d ] ];
			for ( int i = 0; i < dims[ d ]; i++ )
			{
				final long f = mode.fold( min[ d ] + i - sourceMin, size );
				fold[ d ][ i ] = f == Boundary.OUTSIDE ? BEYOND : f + sourceMin;
			}
		}
		return fold;
	}

	private static boolean sameLine( final long[] a, final long[] b, final int n )
	{
		for ( int d = 1; d < n; d++ )
			if ( a[ d ] != b[ d ] )
				return false;
		return true;
	}
}
