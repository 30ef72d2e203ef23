package io.github.ndfilters.ij1;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * Wraps ImageJ pixel arrays, one per plane, as an ImgLib2 {@link PlanarImg}
 * without copying them. The planes are given with z fastest, then t, which is
 * the order a {@code PlanarImg} of size {@code w, h, z, t} expects.
 * <p>
 * NB: a {@code PlanarImg} reads and writes as fast as an array image, where
 * a stack of 2-D views would add a call per pixel and axis.
 * </p>
 */
final class PlanarWrap
{
	private PlanarWrap()
	{}

	static PlanarImg< UnsignedByteType, ByteArray > bytes( final List< ? > planes,
			final long... dims )
	{
		final List< ByteArray > arrays = new ArrayList<>( planes.size() );
		for ( final Object p : planes )
			arrays.add( new ByteArray( ( byte[] ) p ) );
		final PlanarImg< UnsignedByteType, ByteArray > img = new PlanarImg<>( arrays, dims,
				new Fraction() );
		img.setLinkedType( new UnsignedByteType( img ) );
		return img;
	}

	static PlanarImg< UnsignedShortType, ShortArray > shorts( final List< ? > planes,
			final long... dims )
	{
		final List< ShortArray > arrays = new ArrayList<>( planes.size() );
		for ( final Object p : planes )
			arrays.add( new ShortArray( ( short[] ) p ) );
		final PlanarImg< UnsignedShortType, ShortArray > img = new PlanarImg<>( arrays, dims,
				new Fraction() );
		img.setLinkedType( new UnsignedShortType( img ) );
		return img;
	}

	static PlanarImg< FloatType, FloatArray > floats( final List< ? > planes,
			final long... dims )
	{
		final List< FloatArray > arrays = new ArrayList<>( planes.size() );
		for ( final Object p : planes )
			arrays.add( new FloatArray( ( float[] ) p ) );
		final PlanarImg< FloatType, FloatArray > img = new PlanarImg<>( arrays, dims,
				new Fraction() );
		img.setLinkedType( new FloatType( img ) );
		return img;
	}

	static PlanarImg< IntType, IntArray > ints( final List< ? > planes, final long... dims )
	{
		final List< IntArray > arrays = new ArrayList<>( planes.size() );
		for ( final Object p : planes )
			arrays.add( new IntArray( ( int[] ) p ) );
		final PlanarImg< IntType, IntArray > img = new PlanarImg<>( arrays, dims,
				new Fraction() );
		img.setLinkedType( new IntType( img ) );
		return img;
	}
}
