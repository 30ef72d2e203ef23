package io.github.ndfilters.core;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Reads runs of samples along x from a source image as {@code float}. An
 * image whose arrays {@link RowArrays} reaches is read straight from them;
 * any other source goes through a {@link RandomAccess}. One instance per
 * thread.
 */
final class SourceLines
{
	private final RowArrays arrays;

	private final RandomAccess< ? extends RealType< ? > > access;

	SourceLines( final RandomAccessibleInterval< ? extends RealType< ? > > source )
	{
		arrays = RowArrays.of( source );
		access = arrays == null ? source.randomAccess() : null;
	}

	/**
	 * Reads {@code length} samples starting at {@code position} (in the
	 * source's coordinates) along x into {@code line}, from index {@code at}
	 * on.
	 */
	void read( final long[] position, final float[] line, final int at, final int length )
	{
		if ( arrays == null )
		{
			access.setPosition( position );
			for ( int i = 0; i < length; i++ )
			{
				line[ at + i ] = access.get().getRealFloat();
				access.fwd( 0 );
			}
			return;
		}
		final Object array = arrays.array( position );
		final int start = arrays.index( position );
		switch ( arrays.kind )
		{
		case FLOAT:
			System.arraycopy( array, start, line, at, length );
			break;
		case DOUBLE:
			final double[] doubles = ( double[] ) array;
			for ( int i = 0; i < length; i++ )
				line[ at + i ] = ( float ) doubles[ start + i ];
			break;
		case UNSIGNED_SHORT:
			final short[] unsignedShorts = ( short[] ) array;
			for ( int i = 0; i < length; i++ )
				line[ at + i ] = unsignedShorts[ start + i ] & 0xffff;
			break;
		case SHORT:
			final short[] shorts = ( short[] ) array;
			for ( int i = 0; i < length; i++ )
				line[ at + i ] = shorts[ start + i ];
			break;
		case UNSIGNED_BYTE:
			final byte[] bytes = ( byte[] ) array;
			for ( int i = 0; i < length; i++ )
				line[ at + i ] = bytes[ start + i ] & 0xff;
			break;
		}
	}
}
