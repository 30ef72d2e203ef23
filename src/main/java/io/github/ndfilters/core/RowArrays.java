package io.github.ndfilters.core;

import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.transform.integer.MixedTransform;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.IntervalView;
import net.imglib2.view.MixedTransformView;

/**
 * The primitive arrays behind an image in which every row along x lies whole
 * in one array: an {@link ArrayImg} or a {@link PlanarImg} of 8-bit, 16-bit,
 * float or double samples, also when seen through views that only crop or
 * translate it ({@code Views.interval}, {@code Views.translate},
 * {@code Views.zeroMin}).
 * <p>
 * {@link SourceLines} and {@link TargetRows} read and write such an image a
 * row at a time. The ImageJ 1.x bridge hands the filters its pixel arrays as
 * planar images, and a result placed at a {@code full} output's min is a
 * translated view, so both reach the arrays here; any other image (other
 * storage, converted, permuted or flipped views) is read and written sample by
 * sample through a {@code RandomAccess}, which gives the same values more
 * slowly.
 * </p>
 */
final class RowArrays
{
	/** The sample type of the arrays. */
	enum Kind
	{
		FLOAT, DOUBLE, UNSIGNED_SHORT, SHORT, UNSIGNED_BYTE
	}

	final Kind kind;

	/** One array for an {@code ArrayImg}, one per plane for a {@code PlanarImg}. */
	private final Object[] arrays;

	/** Added to a position of the image to give the position in the storage. */
	private final long[] toStorage;

	/** Per axis: the index step inside an array, or for axes past the plane, the plane step. */
	private final long[] steps;

	/** Axes inside one array: all of them for an {@code ArrayImg}, x and y for a plane. */
	private final int planeAxes;

	private RowArrays( final Kind kind, final Object[] arrays, final long[] toStorage,
			final long[] steps, final int planeAxes )
	{
		this.kind = kind;
		this.arrays = arrays;
		this.toStorage = toStorage;
		this.steps = steps;
		this.planeAxes = planeAxes;
	}

	/** @return the arrays behind {@code image}, or {@code null} if they cannot be reached */
	static RowArrays of( final RandomAccessibleInterval< ? > image )
	{
		final int n = image.numDimensions();
		final long[] toStorage = new long[ n ];
		RandomAccessible< ? > storage = image;
		while ( true )
		{
			if ( storage instanceof IntervalView )
				storage = ( ( IntervalView< ? > ) storage ).getSource();
			else if ( storage instanceof MixedTransformView )
			{
				final MixedTransformView< ? > view = ( MixedTransformView< ? > ) storage;
				if ( !addTranslation( view.getTransformToSource(), toStorage ) )
					return null;
				storage = view.getSource();
			}
			else
				break;
		}
		if ( storage.numDimensions() != n || n == 0 )
			return null;
		if ( storage instanceof ArrayImg )
			return ofArray( ( ArrayImg< ?, ? > ) storage, toStorage );
		if ( storage instanceof PlanarImg )
			return ofPlanes( ( PlanarImg< ?, ? > ) storage, toStorage );
		return null;
	}

	/** @return {@code false} unless the transform only translates */
	private static boolean addTranslation( final MixedTransform t, final long[] toStorage )
	{
		final int n = toStorage.length;
		if ( t.numSourceDimensions() != n || t.numTargetDimensions() != n )
			return false;
		for ( int d = 0; d < n; d++ )
		{
			if ( t.getComponentZero( d ) || t.getComponentMapping( d ) != d
					|| t.getComponentInversion( d ) )
				return false;
			toStorage[ d ] += t.getTranslation( d );
		}
		return true;
	}

	private static RowArrays ofArray( final ArrayImg< ?, ? > img, final long[] toStorage )
	{
		final Kind kind = kind( img.getType(), img.update( null ) );
		if ( kind == null )
			return null;
		final int n = img.numDimensions();
		final long[] steps = new long[ n ];
		long step = 1;
		for ( int d = 0; d < n; d++ )
		{
			steps[ d ] = step;
			step *= img.dimension( d );
		}
		return new RowArrays( kind, new Object[] { storageArray( img.update( null ) ) },
				toStorage, steps, n );
	}

	private static RowArrays ofPlanes( final PlanarImg< ?, ? > img, final long[] toStorage )
	{
		final int planes = img.numSlices();
		final Object[] arrays = new Object[ planes ];
		Kind kind = null;
		for ( int p = 0; p < planes; p++ )
		{
			final Object access = img.getPlane( p );
			final Kind k = kind( img.getType(), access );
			if ( k == null || kind != null && k != kind )
				return null;
			kind = k;
			arrays[ p ] = storageArray( access );
		}
		if ( kind == null )
			return null;
		final int n = img.numDimensions();
		final int planeAxes = Math.min( 2, n );
		final long[] steps = new long[ n ];
		long step = 1;
		for ( int d = 0; d < n; d++ )
		{
			if ( d == planeAxes )
				step = 1;
			steps[ d ] = step;
			step *= img.dimension( d );
		}
		return new RowArrays( kind, arrays, toStorage, steps, planeAxes );
	}

	/** @return the kind of a known type stored in a plain Java array, else {@code null} */
	private static Kind kind( final Object type, final Object access )
	{
		if ( type instanceof FloatType && access instanceof FloatArray )
			return Kind.FLOAT;
		if ( type instanceof DoubleType && access instanceof DoubleArray )
			return Kind.DOUBLE;
		if ( type instanceof UnsignedShortType && access instanceof ShortArray )
			return Kind.UNSIGNED_SHORT;
		if ( type instanceof ShortType && access instanceof ShortArray )
			return Kind.SHORT;
		if ( type instanceof UnsignedByteType && access instanceof ByteArray )
			return Kind.UNSIGNED_BYTE;
		return null;
	}

	private static Object storageArray( final Object access )
	{
		if ( access instanceof FloatArray )
			return ( ( FloatArray ) access ).getCurrentStorageArray();
		if ( access instanceof DoubleArray )
			return ( ( DoubleArray ) access ).getCurrentStorageArray();
		if ( access instanceof ShortArray )
			return ( ( ShortArray ) access ).getCurrentStorageArray();
		return ( ( ByteArray ) access ).getCurrentStorageArray();
	}

	/**
	 * @param position
	 *            a position of the image
	 * @return the array that holds the row starting there
	 */
	Object array( final long[] position )
	{
		long plane = 0;
		for ( int d = planeAxes; d < position.length; d++ )
			plane += ( position[ d ] + toStorage[ d ] ) * steps[ d ];
		return arrays[ ( int ) plane ];
	}

	/** @return the index of {@code position} in its {@link #array} */
	int index( final long[] position )
	{
		long index = 0;
		for ( int d = 0; d < planeAxes; d++ )
			index += ( position[ d ] + toStorage[ d ] ) * steps[ d ];
		return ( int ) index;
	}
}
