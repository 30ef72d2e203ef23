package io.github.ndfilters.core;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Writes finished output rows of a region into the target image. A target
 * whose arrays {@link RowArrays} reaches is written straight into them; any
 * other target goes through a {@link RandomAccess}. Either way a
 * {@link SampleWriter} rule rounds and saturates integer types. One instance
 * per thread.
 */
final class TargetRows implements BlockCorrelator.Rows
{
	private final long[] regionMin;

	private final RowArrays arrays;

	private final RandomAccess< ? extends RealType< ? > > access;

	private final SampleWriter writer;

	private final long[] position;

	/** Sees the float rows stored. */
	private final FilterMonitor monitor;

	/** Float rows widened for an integer target, which rounds from double. */
	private double[] widened = new double[ 0 ];

	/**
	 * @param regionMin
	 *            where, in the target's coordinates, row position 0 lies
	 * @param monitor
	 *            sees every row stored into float arrays
	 */
	TargetRows( final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final long[] regionMin, final FilterMonitor monitor )
	{
		this.monitor = monitor;
		this.regionMin = regionMin.clone();
		position = new long[ regionMin.length ];
		arrays = RowArrays.of( target );
		access = arrays == null ? target.randomAccess() : null;
		writer = arrays == null ? new SampleWriter( target.getType() ) : null;
	}

	@Override
	public void accept( final int[] row, final double[] values, final int from,
			final int length )
	{
		moveTo( row );
		if ( arrays == null )
		{
			for ( int i = 0; i < length; i++ )
			{
				writer.write( access.get(), values[ from + i ] );
				access.fwd( 0 );
			}
			return;
		}
		final Object array = arrays.array( position );
		final int start = arrays.index( position );
		switch ( arrays.kind )
		{
		case FLOAT:
			final float[] floats = ( float[] ) array;
			for ( int i = 0; i < length; i++ )
				floats[ start + i ] = ( float ) values[ from + i ];
			monitor.floatRowStored( floats, start, length );
			break;
		case DOUBLE:
			System.arraycopy( values, from, array, start, length );
			break;
		case UNSIGNED_SHORT:
			final short[] unsignedShorts = ( short[] ) array;
			for ( int i = 0; i < length; i++ )
				unsignedShorts[ start + i ] = ( short ) SampleWriter.toIntegral( values[ from + i ],
						0, 0xffff );
			break;
		case SHORT:
			final short[] shorts = ( short[] ) array;
			for ( int i = 0; i < length; i++ )
				shorts[ start + i ] = ( short ) SampleWriter.toIntegral( values[ from + i ],
						Short.MIN_VALUE, Short.MAX_VALUE );
			break;
		case UNSIGNED_BYTE:
			final byte[] bytes = ( byte[] ) array;
			for ( int i = 0; i < length; i++ )
				bytes[ start + i ] = ( byte ) SampleWriter.toIntegral( values[ from + i ], 0,
						0xff );
			break;
		}
	}

	@Override
	public void accept( final int[] row, final float[] values, final int from,
			final int length )
	{
		if ( arrays != null && arrays.kind == RowArrays.Kind.FLOAT )
		{
			moveTo( row );
			System.arraycopy( values, from, arrays.array( position ), arrays.index( position ),
					length );
			monitor.floatRowStored( values, from, length );
			return;
		}
		if ( widened.length < length )
			widened = new double[ length ];
		for ( int i = 0; i < length; i++ )
			widened[ i ] = values[ from + i ];
		accept( row, widened, 0, length );
	}

	/** Sets {@link #position} (and the random access, if any) to a row's first sample. */
	private void moveTo( final int[] row )
	{
		for ( int a = 0; a < row.length; a++ )
			position[ a ] = regionMin[ a ] + row[ a ];
		if ( access != null )
			access.setPosition( position );
	}
}
