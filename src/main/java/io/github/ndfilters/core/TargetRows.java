package io.github.ndfilters.core;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Writes finished output rows of a region into the target image. A float or
 * double {@link ArrayImg} is written straight into its array; any other target
 * goes through a {@link RandomAccess} and a {@link SampleWriter}, which rounds
 * and saturates integer types. One instance per thread.
 */
final class TargetRows implements BlockCorrelator.Rows
{
	private final long[] regionMin;

	private final float[] floats;

	private final double[] doubles;

	private final long[] arrayStrides;

	private final RandomAccess< ? extends RealType< ? > > access;

	private final SampleWriter writer;

	private final long[] position;

	/**
	 * @param regionMin
	 *            where, in the target's coordinates, row position 0 lies
	 */
	TargetRows( final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final long[] regionMin )
	{
		this.regionMin = regionMin.clone();
		final int n = regionMin.length;
		position = new long[ n ];
		float[] f = null;
		double[] d = null;
		if ( target instanceof ArrayImg )
		{
			final Object type = target.getType();
			final Object storage = ( ( ArrayImg< ?, ? > ) target ).update( null );
			if ( type instanceof FloatType && storage instanceof FloatArray )
				f = ( ( FloatArray ) storage ).getCurrentStorageArray();
			else if ( type instanceof DoubleType && storage instanceof DoubleArray )
				d = ( ( DoubleArray ) storage ).getCurrentStorageArray();
		}
		floats = f;
		doubles = d;
		arrayStrides = new long[ n ];
		long s = 1;
		for ( int a = 0; a < n; a++ )
		{
			arrayStrides[ a ] = s;
			s *= target.dimension( a );
		}
		if ( f == null && d == null )
		{
			access = target.randomAccess();
			writer = new SampleWriter( target.getType() );
		}
		else
		{
			access = null;
			writer = null;
		}
	}

	@Override
	public void accept( final int[] row, final double[] values, final int length )
	{
		if ( access == null )
		{
			final int start = arrayIndex( row );
			if ( floats != null )
				for ( int i = 0; i < length; i++ )
					floats[ start + i ] = ( float ) values[ i ];
			else
				System.arraycopy( values, 0, doubles, start, length );
			return;
		}
		moveTo( row );
		for ( int i = 0; i < length; i++ )
		{
			writer.write( access.get(), values[ i ] );
			access.fwd( 0 );
		}
	}

	@Override
	public void accept( final int[] row, final float[] values, final int length )
	{
		if ( access == null )
		{
			final int start = arrayIndex( row );
			if ( floats != null )
				System.arraycopy( values, 0, floats, start, length );
			else
				for ( int i = 0; i < length; i++ )
					doubles[ start + i ] = values[ i ];
			return;
		}
		moveTo( row );
		for ( int i = 0; i < length; i++ )
		{
			writer.write( access.get(), values[ i ] );
			access.fwd( 0 );
		}
	}

	/** Places the random access on the first sample of a row. */
	private void moveTo( final int[] row )
	{
		for ( int a = 0; a < row.length; a++ )
			position[ a ] = regionMin[ a ] + row[ a ];
		access.setPosition( position );
	}

	private int arrayIndex( final int[] row )
	{
		long index = 0;
		for ( int a = 0; a < row.length; a++ )
			index += ( regionMin[ a ] + row[ a ] ) * arrayStrides[ a ];
		return ( int ) index;
	}
}
