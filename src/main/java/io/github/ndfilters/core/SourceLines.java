package io.github.ndfilters.core;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Reads runs of samples along x from a source image as {@code float}. The
 * usual ImageJ pixel types in an {@link ArrayImg} are read straight from the
 * array; any other source goes through a {@link RandomAccess}. One instance
 * per thread.
 */
final class SourceLines
{
	private final Object array;

	private final Object type;

	private final long[] strides;

	private final long[] min;

	private final RandomAccess< ? extends RealType< ? > > access;

	SourceLines( final RandomAccessibleInterval< ? extends RealType< ? > > source )
	{
		final int n = source.numDimensions();
		min = source.minAsLongArray();
		strides = new long[ n ];
		long s = 1;
		for ( int d = 0; d < n; d++ )
		{
			strides[ d ] = s;
			s *= source.dimension( d );
		}
		Object a = null;
		if ( source instanceof ArrayImg )
		{
			final Object storage = ( ( ArrayImg< ?, ? > ) source ).update( null );
			if ( storage instanceof FloatArray )
				a = ( ( FloatArray ) storage ).getCurrentStorageArray();
			else if ( storage instanceof ShortArray )
				a = ( ( ShortArray ) storage ).getCurrentStorageArray();
			else if ( storage instanceof ByteArray )
				a = ( ( ByteArray ) storage ).getCurrentStorageArray();
			else if ( storage instanceof DoubleArray )
				a = ( ( DoubleArray ) storage ).getCurrentStorageArray();
		}
		type = source.getType();
		final boolean known = a instanceof float[] && type instanceof FloatType
				|| a instanceof double[] && type instanceof DoubleType
				|| a instanceof short[] && ( type instanceof UnsignedShortType
						|| type instanceof ShortType )
				|| a instanceof byte[] && type instanceof UnsignedByteType;
		array = known ? a : null;
		access = known ? null : source.randomAccess();
	}

	/**
	 * Reads {@code line.length} samples starting at {@code position} (in the
	 * source's coordinates) along x.
	 */
	void read( final long[] position, final float[] line )
	{
		final int length = line.length;
		if ( array == null )
		{
			access.setPosition( position );
			for ( int i = 0; i < length; i++ )
			{
				line[ i ] = access.get().getRealFloat();
				access.fwd( 0 );
			}
			return;
		}
		long index = 0;
		for ( int d = 0; d < position.length; d++ )
			index += ( position[ d ] - min[ d ] ) * strides[ d ];
		final int start = ( int ) index;
		if ( array instanceof float[] )
			System.arraycopy( array, start, line, 0, length );
		else if ( array instanceof double[] )
		{
			final double[] a = ( double[] ) array;
			for ( int i = 0; i < length; i++ )
				line[ i ] = ( float ) a[ start + i ];
		}
		else if ( array instanceof short[] )
		{
			final short[] a = ( short[] ) array;
			if ( type instanceof UnsignedShortType )
				for ( int i = 0; i < length; i++ )
					line[ i ] = a[ start + i ] & 0xffff;
			else
				for ( int i = 0; i < length; i++ )
					line[ i ] = a[ start + i ];
		}
		else
		{
			final byte[] a = ( byte[] ) array;
			for ( int i = 0; i < length; i++ )
				line[ i ] = a[ start + i ] & 0xff;
		}
	}
}
